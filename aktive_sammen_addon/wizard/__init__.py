from . import aktive_case_wizard

# isort: split
# The dialogs on one case below inherit it.
from . import aktive_activity_suggestion_line
from . import aktive_annual_report_wizard
from . import aktive_close_wizard
from . import aktive_pause_wizard
from . import aktive_settings
from . import aktive_volunteer_suggestion
from . import aktive_volunteer_suggestion_line
from . import mail_compose_message
from . import portal_wizard_user
