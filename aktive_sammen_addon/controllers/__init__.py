from . import annual_report
from . import portal
from . import report
from . import volunteer_messages
