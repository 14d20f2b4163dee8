from . import aktive_activity_suggestion_line
from . import aktive_dashboard
from . import aktive_settings
from . import aktive_volunteer_suggestion
from . import aktive_volunteer_suggestion_line
from . import mail_compose_message
from . import portal_wizard_user
