import os
import sys

# Repo-level helpers (odoo_cli) are imported by name.
sys.path.insert(0, os.path.dirname(__file__))
