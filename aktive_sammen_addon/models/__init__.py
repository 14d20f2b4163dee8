from . import aktive_case_privacy
from . import aktive_input_guard

# isort: split
# The mixins above first: every model below inherits them.
from . import aktive_access_log
from . import aktive_activity
from . import aktive_contact_form_version
from . import aktive_contact_log
from . import aktive_cooperation_agreement
from . import aktive_followup
from . import aktive_interest
from . import aktive_loneliness_measure
from . import aktive_loneliness_measure_access_log
from . import aktive_municipal_message
from . import aktive_municipal_unit
from . import aktive_network_member
from . import aktive_network_role
from . import aktive_notice
from . import aktive_participant
from . import aktive_participant_access_log
from . import aktive_participant_consent
from . import aktive_participant_contact_form
from . import aktive_participant_need
from . import aktive_participant_privacy
from . import aktive_sensitive_note
from . import aktive_sensitive_note_access_log
from . import aktive_sensitive_note_report
from . import aktive_stage
from . import aktive_text_language
from . import aktive_volunteer_contact
from . import aktive_volunteer_hours
from . import aktive_volunteer_message
from . import aktive_volunteer_reminders
from . import aktive_wish
from . import aktive_wish_category
from . import aktive_wish_matching
from . import aktive_wish_municipal_duty
from . import ir_actions_report
from . import ir_attachment
from . import ir_http
from . import ir_module_module
from . import mail_activity
from . import mail_followers
from . import mail_thread
from . import res_company
from . import res_config_settings
from . import res_partner
from . import res_partner_company
from . import res_partner_hours
from . import res_partner_messages
from . import res_partner_portal
from . import res_users
from . import res_users_landing

# isort: split
# Extends the wish (its requests to volunteers) defined above.
from . import aktive_volunteer_request

# isort: split
# Extends the participant, the wish and the contact log defined above.
from . import aktive_health_terms

# isort: split
# Extends the participant (after its privacy and access log) and the follow-up.
from . import aktive_participant_loneliness

# isort: split
# The parties inform each other (aktive.notice): extends the participant, the network and the
# wish defined above; closing a case ends its assignments.
from . import aktive_network_member_notice
from . import aktive_participant_closing
from . import aktive_participant_notice
from . import aktive_wish_notice

# isort: split
# Extend the participant: the municipality's inbox, taking a case, the checklist, the
# follow-up cadence.
from . import aktive_participant_cadence
from . import aktive_participant_checklist
from . import aktive_participant_inbox
from . import aktive_participant_take
