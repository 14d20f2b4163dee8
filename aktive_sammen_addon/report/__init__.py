"""The reporting models: read-only SQL views and computations over the method's records
(models/), shown as pivots, graphs, tiles and the annual report."""

from . import aktive_dashboard
from . import aktive_progress_report
from . import aktive_ripple_cluster
from . import aktive_volunteer_hours_report

# isort: split
# The spreadsheet extends the annual report.
from . import aktive_annual_report
from . import aktive_annual_report_xlsx
