#!/usr/bin/env bash
# make access-report: run the access tests (a fresh test database, as make test builds it) and
# print the matrix they proved: role × model × operation, and the leak classes, with counts
# (also written into README.md between its access markers).
source "$(dirname "$0")/common.sh"
out=$REPO_ROOT/artifacts
mkdir -p "$out"
rm -f "$out/access_matrix.jsonl"
tests=$ADDON/tests
targets="$tests/test_access_rights.py $tests/test_privacy_channels.py $tests/test_field_access_walk.py
  $tests/test_http_access.py $tests/test_privacy.py $tests/test_multi_company.py
  $tests/test_views_per_role.py"
for extra in test_access_log.py test_portal.py test_municipal_path.py test_cooperation_agreement.py \
    test_aktive_activity.py test_aktive_contact_log.py test_aktive_municipal_unit.py \
    test_aktive_ripple_cluster.py test_aktive_sensitive_note.py test_case_worker_group.py \
    test_search_paths.py; do
  [ -f "$REPO_ROOT/$tests/$extra" ] && targets="$targets $tests/$extra"
done
status=0
TEST_DB_NAME=${ACCESS_DB_NAME:-aktive_sammen_access} TEST_HTTP_PORT=${ACCESS_HTTP_PORT:-8170} \
  AKTIVE_ACCESS_MATRIX=$out/access_matrix.jsonl PYTEST_TARGETS="$targets" \
  PYTEST_ARGS="${PYTEST_ARGS:-} -q --junitxml=$out/access_tests.xml" \
  bash "$REPO_ROOT/scripts/test.sh" >"$out/access_tests.log" 2>&1 || status=$?
tail -n 1 "$out/access_tests.log"
"$VENV/bin/python" "$REPO_ROOT/scripts/access_report.py" "$out/access_matrix.jsonl" \
  "$out/access_tests.xml" "$REPO_ROOT/README.md" || status=1
exit $status
