from . import (
    test_aktive_followup,
    test_aktive_network_member,
    test_aktive_participant,
    test_aktive_wish,
    test_arne_scenario,
    test_configuration,
    test_http_served,
    test_manifest,
    test_res_partner,
)
