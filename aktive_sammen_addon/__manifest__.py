{
    "name": "Aktive Sammen",
    "version": "19.0.1.0.0",
    "category": "Services/Volunteering",
    "summary": "Help people keep and build a social network with volunteers: "
    "the Aktive Sammen method's five steps and one-page contact form",
    "description": """
Aktive Sammen for Norwegian municipalities and volunteer centres.

A coordinator, volunteers and a municipal contact person help a person who can no
longer keep up their social network - often a senior living alone - to keep and build
one, following the method's five steps, with a one-page A4 contact form that everyone
involved shares.
""",
    "author": "Aktive Sammen contributors",
    "website": "https://aktivesammen.no",
    "license": "LGPL-3",
    "depends": ["base", "mail", "contacts"],
    "data": [
        "security/aktive_security.xml",
        "security/ir.model.access.csv",
        "security/aktive_rules.xml",
        "data/aktive_stage_data.xml",
        "data/aktive_wish_category_data.xml",
        "data/aktive_network_role_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/aktive_participant_views.xml",
        "views/aktive_wish_views.xml",
        "views/aktive_network_member_views.xml",
        "views/aktive_followup_views.xml",
        "views/aktive_sensitive_note_views.xml",
        "views/aktive_contact_log_views.xml",
        "views/aktive_activity_views.xml",
        "views/res_partner_views.xml",
        "views/aktive_configuration_views.xml",
        "views/aktive_ripple_cluster_views.xml",
        "views/aktive_volunteer_contact_views.xml",
        "wizard/aktive_volunteer_suggestion_views.xml",
        "views/aktive_reporting_views.xml",
        "views/aktive_menu_views.xml",
        "report/aktive_contact_form_reports.xml",
        "report/aktive_contact_form_templates.xml",
    ],
    "demo": [
        "demo/aktive_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["aktive_sammen_addon/static/tests/tours/**/*"],
    },
    "application": True,
    "installable": True,
}
