from django.urls import path

from workforce_health.development.views import asye, cpd, records, secondments, supervision

urlpatterns = [
    path("", records.index, name="development-index"),
    path("people/<int:person_id>/", records.person_record, name="development-person"),
    path("mine/", records.mine, name="development-mine"),
    path(
        "mine/sessions/<int:supervision_session_id>/rate/",
        records.mine_rate,
        name="development-mine-rate",
    ),
    path("mine/cpd/add/", records.mine_cpd_add, name="development-mine-cpd-add"),
    path("mine/cpd/<int:entry_id>/", records.mine_cpd_edit, name="development-mine-cpd-edit"),
    path("import/", records.records_import, name="development-import"),
    path(
        "import/template/<slug:kind>/<str:fmt>/",
        records.import_template,
        name="development-import-template",
    ),
    path("export/<slug:kind>/<str:fmt>/", records.records_export, name="development-export"),
    # Supervision
    path("supervision/", supervision.supervision, name="development-supervision"),
    path(
        "supervision/download/<str:fmt>/",
        supervision.supervision_download,
        name="development-supervision-download",
    ),
    path("supervision/overdue/", supervision.overdue, name="development-overdue"),
    path("supervision/record/", supervision.session_record, name="development-session-record"),
    path(
        "supervision/sessions/<int:supervision_session_id>/",
        supervision.session_edit,
        name="development-session-edit",
    ),
    path(
        "supervision/sessions/<int:supervision_session_id>/delete/",
        supervision.session_delete,
        name="development-session-delete",
    ),
    path(
        "supervision/agreements/add/", supervision.agreement_add, name="development-agreement-add"
    ),
    path(
        "supervision/agreements/<int:agreement_id>/",
        supervision.agreement_edit,
        name="development-agreement-edit",
    ),
    path("people/<int:person_id>/leave/add/", supervision.leave_add, name="development-leave-add"),
    path(
        "supervision/leave/<int:leave_id>/delete/",
        supervision.leave_delete,
        name="development-leave-delete",
    ),
    path("supervision/policies/", supervision.policies, name="development-policies"),
    path("supervision/policies/add/", supervision.policy_add, name="development-policy-add"),
    path(
        "supervision/policies/<int:policy_id>/",
        supervision.policy_edit,
        name="development-policy-edit",
    ),
    # CPD and the learning offer
    path("cpd/", cpd.readiness, name="development-cpd"),
    path("cpd/download/<str:fmt>/", cpd.readiness_download, name="development-cpd-download"),
    path("cpd/add/", cpd.cpd_add, name="development-cpd-add"),
    path("cpd/<int:entry_id>/", cpd.cpd_edit, name="development-cpd-edit"),
    path("learning/", cpd.learning, name="development-learning"),
    path("learning/needs/", cpd.training_needs, name="development-training-needs"),
    path("learning/priorities/add/", cpd.priority_add, name="development-priority-add"),
    path(
        "learning/priorities/<int:priority_id>/",
        cpd.priority_edit,
        name="development-priority-edit",
    ),
    path("learning/events/add/", cpd.event_add, name="development-event-add"),
    path("learning/events/<int:event_id>/", cpd.event, name="development-event"),
    path("learning/events/<int:event_id>/edit/", cpd.event_edit, name="development-event-edit"),
    # Newly qualified social workers
    path("asye/", asye.dashboard, name="development-asye"),
    path("asye/download/<str:fmt>/", asye.dashboard_download, name="development-asye-download"),
    path("asye/add/", asye.enrolment_add, name="development-enrolment-add"),
    path("asye/<int:enrolment_id>/", asye.enrolment, name="development-enrolment"),
    path("asye/<int:enrolment_id>/edit/", asye.enrolment_edit, name="development-enrolment-edit"),
    path(
        "asye/<int:enrolment_id>/outcome/",
        asye.enrolment_outcome,
        name="development-enrolment-outcome",
    ),
    path("asye/<int:enrolment_id>/pauses/add/", asye.pause_add, name="development-pause-add"),
    path(
        "asye/<int:enrolment_id>/pauses/<int:pause_id>/",
        asye.pause_edit,
        name="development-pause-edit",
    ),
    path("asye/<int:enrolment_id>/review/", asye.review, name="development-review"),
    path(
        "asye/<int:enrolment_id>/evidence/add/", asye.evidence_add, name="development-evidence-add"
    ),
    path(
        "asye/<int:enrolment_id>/evidence/<int:evidence_id>/",
        asye.evidence_edit,
        name="development-evidence-edit",
    ),
    path("asye/programmes/", asye.programmes, name="development-programmes"),
    path("asye/programmes/add/", asye.programme_add, name="development-programme-add"),
    path(
        "asye/programmes/<int:programme_id>/",
        asye.programme_edit,
        name="development-programme-edit",
    ),
    # Secondments
    path("secondments/", secondments.secondments, name="development-secondments"),
    path("secondments/add/", secondments.secondment_add, name="development-secondment-add"),
    path(
        "secondments/<int:secondment_id>/",
        secondments.secondment_edit,
        name="development-secondment-edit",
    ),
]
