"""Forms: start a report, and edit its sections, commentary and quotations."""

from typing import Any

from django import forms

from workforce_health.core.models import Organisation, Service
from workforce_health.reports.builder import APPENDIX, SUMMARY
from workforce_health.reports.sections.spec import SectionSpec
from workforce_health.web.forms import GovukDateInput

COMMENTARY_PREFIX = "commentary_"
PARAGRAPHS_HINT = "Shown at the start of the section. Leave a blank line between paragraphs"


class ReportForm(forms.Form):
    meeting_date = forms.DateField(
        label="Date of the scrutiny panel meeting",
        help_text=(
            "For example, 20 1 2026. The report uses the latest surveys and census year by then"
        ),
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "The meeting date must be a real date, like 20 1 2026",
        },
    )
    services: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=Service.objects.none(),
        label="Services the report covers",
        help_text="Leave all unticked for the whole organisation",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    title = forms.CharField(
        label="Title",
        help_text="Leave blank for “Workforce health and retention: report to the scrutiny panel”",
        required=False,
        max_length=200,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        services = self.fields["services"]
        assert isinstance(services, forms.ModelMultipleChoiceField)
        services.queryset = Service.objects.filter(organisation=organisation).order_by("name")


class ReportEditForm(ReportForm):
    """Also: which optional sections appear, commentary for each section, chosen quotations."""

    sections = forms.MultipleChoiceField(
        label="Optional sections to include",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quotations = forms.MultipleChoiceField(
        label="Quotations from staff comments",
        help_text=(
            "Comments are shown with names, email addresses and telephone numbers removed, only "
            "from groups large enough for comments. Choose any to quote in the report"
        ),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        specs: list[SectionSpec],
        quotation_choices: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, organisation=organisation, **kwargs)
        self.fields["sections"].choices = [  # type: ignore[attr-defined]
            (s.key, f"{s.title}: {s.description}") for s in specs if s.optional
        ]
        if quotation_choices:
            self.fields["quotations"].choices = [(q, q) for q in quotation_choices]  # type: ignore[attr-defined]
        else:
            del self.fields["quotations"]
        parts = [
            (SUMMARY, "Summary"),
            *((s.key, s.title) for s in specs),
            (APPENDIX, "Technical appendix"),
        ]
        for key, title in parts:
            self.fields[COMMENTARY_PREFIX + key] = forms.CharField(
                label=f"Commentary: {title}",
                help_text=PARAGRAPHS_HINT,
                widget=forms.Textarea({"rows": "4"}),
                required=False,
                max_length=5000,
                error_messages={"max_length": "Commentary must be 5000 characters or fewer"},
            )

    def commentary(self) -> dict[str, str]:
        return {
            name.removeprefix(COMMENTARY_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(COMMENTARY_PREFIX)
        }
