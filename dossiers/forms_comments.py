from django import forms

from .models import Comment


class CommentVisibilityForm(forms.Form):
    """Who sees a new comment. The body is checked by `comment_post`; who may choose "internal"
    by the permission mechanism in the view."""

    visibility = forms.ChoiceField(choices=Comment.Visibility.choices, required=False)

    def clean_visibility(self):
        return self.cleaned_data["visibility"] or Comment.Visibility.NETWORK
