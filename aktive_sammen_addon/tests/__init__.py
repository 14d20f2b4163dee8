from . import test_http_served, test_manifest
