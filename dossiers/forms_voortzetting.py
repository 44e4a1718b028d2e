from django import forms

from .models.voortzetting import Zelfevaluatie


class ZelfevaluatieForm(forms.ModelForm):
    class Meta:
        model = Zelfevaluatie
        fields = ["text", "version"]
        widgets = {"text": forms.HiddenInput()}
