import concurrency.fields
import django.core.validators
import django.db.models.deletion
import netwerken.fields
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MOVED = [
    "bevraging",
    "drempelbeschrijving",
    "gekozenindicator",
    "kansengroep",
    "kwalitatieveanalyse",
    "swotitem",
    "historicalbevraging",
    "historicaldrempelbeschrijving",
    "historicaldrempelbeschrijving_gemeenten",
    "historicalgekozenindicator",
    "historicalkansengroep",
    "historicalkansengroep_gemeenten",
    "historicalkwalitatieveanalyse",
    "historicalswotitem",
]
# simple_history names the history of a many-to-many field after the app, with no way to keep
# the old name: these two tables are renamed (the other tables keep their names, see db_table).
RENAMED = ["historicaldrempelbeschrijving_gemeenten", "historicalkansengroep_gemeenten"]


def _move_content_types(apps, old, new):
    """Point the content types (and so permissions, admin log, generic relations) of the moved
    models at their new app. A row the new app already got from post_migrate is dropped first."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        current = ContentType.objects.filter(app_label=old, model=model).first()
        if current is None:
            continue
        ContentType.objects.filter(app_label=new, model=model).delete()
        current.app_label = new
        current.save(update_fields=["app_label"])


def content_types_to_dossiers(apps, schema_editor):
    _move_content_types(apps, "analyses", "dossiers")


def content_types_to_analyses(apps, schema_editor):
    _move_content_types(apps, "dossiers", "analyses")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('analyses', '0007_move_analyse_to_dossiers'),
        ('dossiers', '0015_samenwerkingsafspraken'),
        ('netwerken', '0005_bounds_on_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The dossier's analysis moved here from analyses (analyses 0007): state only, the tables
        # keep their analyses_ names (db_table), except the two renamed below.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Bevraging',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('method', models.CharField(choices=[('bevraging', 'survey or questionnaire'), ('groepsgesprek', 'group conversation'), ('gesprekken', 'individual conversations'), ('ervaringsdeskundigen', 'experts by experience (ervaringsdeskundigen)'), ('vereniging', 'meeting of an association where people in poverty speak'), ('andere', 'other')], max_length=30, verbose_name='how')),
                        ('period', netwerken.fields.BoundedCharField(help_text='A date or a period, e.g. spring 2025.', max_length=100, verbose_name='when')),
                        ('participants', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(1000000)], verbose_name='number of people in poverty')),
                        ('description', netwerken.fields.BoundedTextField(blank=True, help_text='Who took part, and the main lessons.', max_length=5000, verbose_name='what came out of it')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('nota', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bevragingen', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'hearing of people in poverty',
                        'verbose_name_plural': 'hearings of people in poverty',
                        'db_table': 'analyses_bevraging',
                        'ordering': ['pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Drempelbeschrijving',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('drempel', models.CharField(choices=[('betaalbaar', 'affordable (betaalbaar)'), ('bereikbaar', 'reachable (bereikbaar)'), ('beschikbaar', 'available (beschikbaar)'), ('begrijpbaar', 'understandable (begrijpbaar)'), ('bruikbaar', 'usable (bruikbaar)'), ('bekend', 'known (bekend)'), ('betrouwbaar', 'trustworthy (betrouwbaar)')], max_length=20, verbose_name='threshold')),
                        ('description', netwerken.fields.BoundedTextField(help_text='What people meet in practice, and the hidden side of it.', max_length=5000, verbose_name='description')),
                        ('doelgroepen', models.JSONField(blank=True, default=list, verbose_name='groups concerned')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('gemeenten', models.ManyToManyField(blank=True, related_name='+', to='netwerken.gemeente', verbose_name='municipalities concerned')),
                        ('nota', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='drempels', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'threshold',
                        'verbose_name_plural': 'thresholds',
                        'db_table': 'analyses_drempelbeschrijving',
                        'ordering': ['drempel'],
                    },
                ),
                migrations.CreateModel(
                    name='GekozenIndicator',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('interpretation', netwerken.fields.BoundedTextField(blank=True, help_text='Which municipalities stand out, how things evolve, and what the network takes from it.', max_length=5000, verbose_name='what the figures mean for the network')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='analyses.indicator', verbose_name='indicator')),
                        ('nota', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='gekozen_indicatoren', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'chosen indicator',
                        'verbose_name_plural': 'chosen indicators',
                        'db_table': 'analyses_gekozenindicator',
                        'ordering': ['indicator__name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalBevraging',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('method', models.CharField(choices=[('bevraging', 'survey or questionnaire'), ('groepsgesprek', 'group conversation'), ('gesprekken', 'individual conversations'), ('ervaringsdeskundigen', 'experts by experience (ervaringsdeskundigen)'), ('vereniging', 'meeting of an association where people in poverty speak'), ('andere', 'other')], max_length=30, verbose_name='how')),
                        ('period', netwerken.fields.BoundedCharField(help_text='A date or a period, e.g. spring 2025.', max_length=100, verbose_name='when')),
                        ('participants', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(1000000)], verbose_name='number of people in poverty')),
                        ('description', netwerken.fields.BoundedTextField(blank=True, help_text='Who took part, and the main lessons.', max_length=5000, verbose_name='what came out of it')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('nota', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'historical hearing of people in poverty',
                        'verbose_name_plural': 'historical hearings of people in poverty',
                        'db_table': 'analyses_historicalbevraging',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalDrempelbeschrijving',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('drempel', models.CharField(choices=[('betaalbaar', 'affordable (betaalbaar)'), ('bereikbaar', 'reachable (bereikbaar)'), ('beschikbaar', 'available (beschikbaar)'), ('begrijpbaar', 'understandable (begrijpbaar)'), ('bruikbaar', 'usable (bruikbaar)'), ('bekend', 'known (bekend)'), ('betrouwbaar', 'trustworthy (betrouwbaar)')], max_length=20, verbose_name='threshold')),
                        ('description', netwerken.fields.BoundedTextField(help_text='What people meet in practice, and the hidden side of it.', max_length=5000, verbose_name='description')),
                        ('doelgroepen', models.JSONField(blank=True, default=list, verbose_name='groups concerned')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('nota', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'historical threshold',
                        'verbose_name_plural': 'historical thresholds',
                        'db_table': 'analyses_historicaldrempelbeschrijving',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalDrempelbeschrijving_gemeenten',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('drempelbeschrijving', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.drempelbeschrijving')),
                        ('gemeente', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='netwerken.gemeente')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='dossiers.historicaldrempelbeschrijving')),
                    ],
                    options={
                        'verbose_name': 'HistoricalDrempelbeschrijving_gemeenten',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalGekozenIndicator',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('interpretation', netwerken.fields.BoundedTextField(blank=True, help_text='Which municipalities stand out, how things evolve, and what the network takes from it.', max_length=5000, verbose_name='what the figures mean for the network')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('indicator', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='analyses.indicator', verbose_name='indicator')),
                        ('nota', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'historical chosen indicator',
                        'verbose_name_plural': 'historical chosen indicators',
                        'db_table': 'analyses_historicalgekozenindicator',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalKansengroep',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('doelgroep', models.CharField(choices=[('armoede', 'people in poverty'), ('migratie', 'people with a migration background'), ('senioren', 'seniors'), ('gezinnen', 'families with children'), ('jongeren', 'children and young people'), ('beperking', 'people with a disability'), ('zorg', 'people in care'), ('andere', 'other group')], max_length=20, verbose_name='group')),
                        ('name', netwerken.fields.BoundedCharField(blank=True, help_text='E.g. single parents, newcomers who do not speak Dutch yet.', max_length=200, verbose_name='more precisely')),
                        ('description', netwerken.fields.BoundedTextField(help_text='What makes taking part harder for them here?', max_length=5000, verbose_name='why this group')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('nota', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'historical kansengroep',
                        'verbose_name_plural': 'historical kansengroepen',
                        'db_table': 'analyses_historicalkansengroep',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalKwalitatieveAnalyse',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('intern', 'Internal analysis'), ('extern', 'External analysis'), ('netwerk', 'Network analysis')], max_length=10, verbose_name='analysis')),
                        ('answers', models.JSONField(blank=True, default=dict, verbose_name='answers')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='changed at')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('nota', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'historical qualitative analysis',
                        'verbose_name_plural': 'historical qualitative analyses',
                        'db_table': 'analyses_historicalkwalitatieveanalyse',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalSwotItem',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('sterkte', 'strength'), ('zwakte', 'weakness'), ('kans', 'opportunity'), ('bedreiging', 'threat')], max_length=12, verbose_name='kind')),
                        ('text', netwerken.fields.BoundedTextField(max_length=5000, verbose_name='description')),
                        ('source', models.CharField(blank=True, choices=[('bevraging', 'survey'), ('gesprek', 'conversation with people in poverty'), ('cijfers', 'figures'), ('partneroverleg', 'partner meeting'), ('andere', 'other')], max_length=20, verbose_name='where it comes from')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('nota', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'historical SWOT item',
                        'verbose_name_plural': 'historical SWOT items',
                        'db_table': 'analyses_historicalswotitem',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Kansengroep',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('doelgroep', models.CharField(choices=[('armoede', 'people in poverty'), ('migratie', 'people with a migration background'), ('senioren', 'seniors'), ('gezinnen', 'families with children'), ('jongeren', 'children and young people'), ('beperking', 'people with a disability'), ('zorg', 'people in care'), ('andere', 'other group')], max_length=20, verbose_name='group')),
                        ('name', netwerken.fields.BoundedCharField(blank=True, help_text='E.g. single parents, newcomers who do not speak Dutch yet.', max_length=200, verbose_name='more precisely')),
                        ('description', netwerken.fields.BoundedTextField(help_text='What makes taking part harder for them here?', max_length=5000, verbose_name='why this group')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('gemeenten', models.ManyToManyField(blank=True, related_name='+', to='netwerken.gemeente', verbose_name='municipalities concerned')),
                        ('nota', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='kansengroepen', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'kansengroep',
                        'verbose_name_plural': 'kansengroepen',
                        'db_table': 'analyses_kansengroep',
                        'ordering': ['doelgroep', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalKansengroep_gemeenten',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('gemeente', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='netwerken.gemeente')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='dossiers.historicalkansengroep')),
                        ('kansengroep', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='dossiers.kansengroep')),
                    ],
                    options={
                        'verbose_name': 'HistoricalKansengroep_gemeenten',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='KwalitatieveAnalyse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('intern', 'Internal analysis'), ('extern', 'External analysis'), ('netwerk', 'Network analysis')], max_length=10, verbose_name='analysis')),
                        ('answers', models.JSONField(blank=True, default=dict, verbose_name='answers')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                        ('nota', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='kwalitatieve_analyses', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'qualitative analysis',
                        'verbose_name_plural': 'qualitative analyses',
                        'db_table': 'analyses_kwalitatieveanalyse',
                    },
                ),
                migrations.CreateModel(
                    name='SwotItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('sterkte', 'strength'), ('zwakte', 'weakness'), ('kans', 'opportunity'), ('bedreiging', 'threat')], max_length=12, verbose_name='kind')),
                        ('text', netwerken.fields.BoundedTextField(max_length=5000, verbose_name='description')),
                        ('source', models.CharField(blank=True, choices=[('bevraging', 'survey'), ('gesprek', 'conversation with people in poverty'), ('cijfers', 'figures'), ('partneroverleg', 'partner meeting'), ('andere', 'other')], max_length=20, verbose_name='where it comes from')),
                        ('version', concurrency.fields.AutoIncVersionField(default=0, help_text='record revision number')),
                        ('nota', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='swot_items', to='dossiers.afsprakennota')),
                    ],
                    options={
                        'verbose_name': 'SWOT item',
                        'verbose_name_plural': 'SWOT items',
                        'db_table': 'analyses_swotitem',
                        'ordering': ['pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='drempelbeschrijving',
                    constraint=models.UniqueConstraint(fields=('nota', 'drempel'), name='one_description_per_drempel'),
                ),
                migrations.AddConstraint(
                    model_name='gekozenindicator',
                    constraint=models.UniqueConstraint(fields=('nota', 'indicator'), name='indicator_once_per_nota'),
                ),
                migrations.AddConstraint(
                    model_name='kwalitatieveanalyse',
                    constraint=models.UniqueConstraint(fields=('nota', 'kind'), name='one_analysis_of_each_kind'),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE analyses_{name} RENAME TO dossiers_{name}",
                    f"ALTER TABLE dossiers_{name} RENAME TO analyses_{name}",
                )
                for name in RENAMED
            ],
        ),
        migrations.RunPython(content_types_to_dossiers, content_types_to_analyses),
    ]
