from django.db import migrations


def load(apps, schema_editor):
    from netwerken.gemeenten import load_gemeenten

    load_gemeenten(apps.get_model("netwerken", "Gemeente"))


class Migration(migrations.Migration):
    dependencies = [("netwerken", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
