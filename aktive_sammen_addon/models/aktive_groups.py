"""The addon's security groups, named once: field `groups=`, `has_groups()` and the access
checks of the models, controllers and wizards import them from here (the XML files name the
same groups by their XML ids, security/aktive_security.xml)."""

COORDINATORS = "aktive_sammen_addon.group_aktive_coordinator"
MUNICIPAL = "aktive_sammen_addon.group_aktive_municipal"
VOLUNTEER = "aktive_sammen_addon.group_aktive_volunteer"
# The case workers: the coordinator and the municipal contact person. A group of its own that
# both imply, so that a field, a view or a check names one group for the two.
CASE_WORKERS = "aktive_sammen_addon.group_aktive_case_worker"
