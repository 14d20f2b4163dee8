"""The hot paths a large municipality leans on, in one place: the query-count tests
(test_performance.py) and the benchmark (tests/bench_scale.py at the repository root) run
exactly these."""

import re

# Odoo's portal fills in the tiles of /my afterwards: one JSON-RPC call to /my/counters with
# the counters the page names.
PORTAL_COUNTER = re.compile(r'data-placeholder_count="([^"]+)"')

KANBAN_FIELDS = [
    "name",
    "stage_id",
    "state",
    "color",
    "priority",
    "municipal_unit_id",
    "next_followup_date",
    "followup_overdue",
    "active_member_count",
    "network_vulnerable",
    "contact_form_changed",
    "coordinator_id",
    "activity_ids",
    "activity_state",
    "activity_exception_decoration",
]
MANY2ONE = {"fields": {"display_name": {}}}


def kanban_first_page(env):
    """What the participant board asks for: the steps, and the first 80 cards of each."""
    spec = {name: {} for name in KANBAN_FIELDS}
    for name in ("stage_id", "municipal_unit_id", "coordinator_id"):
        spec[name] = MANY2ONE
    board = env["aktive.participant"].with_context(read_group_expand=True)  # as the kanban asks
    return board.web_read_group(
        [("state", "in", ("active", "paused"))],
        ["stage_id"],
        ["__count"],
        auto_unfold=True,
        unfold_read_specification=spec,
        unfold_read_default_limit=80,
    )


def suggest_volunteers(env, wish):
    return wish.with_env(env)._suggest_volunteers(10)


def ripple_clusters(env):
    return env["aktive.ripple.cluster"].search_read(
        [], ["place", "category_id", "participant_count", "wish_count"]
    )


def overdue_cron(env):
    return env["aktive.followup"]._cron_flag_overdue()


def reporting_pivot(env):
    """The annual report's pivots: participants by step and target group, follow-ups held
    per month."""
    participants = env["aktive.participant"].formatted_read_group(
        [], ["stage_id", "target_group"], ["__count", "days_to_network:avg"]
    )
    followups = env["aktive.followup"].formatted_read_group(
        [("state", "=", "held")], ["date_held:month"], ["__count"]
    )
    return participants, followups


def annual_report(env, year=None):
    """The annual report's figures for the user's company and `year` (by default this year:
    the benchmark's generated activity falls in the last twelve months)."""
    from datetime import date

    year = year or date.today().year
    return env["aktive.annual.report"]._figures(year, env.company)


# The volunteer's pages are HTTP requests: `open_url(path)` answers a page's HTML and
# `open_url(path, params)` a JSON-RPC result, each as the logged-in volunteer (the query-count
# test opens them through the test server, the benchmark through Odoo's WSGI application).


def portal_home(open_url):
    """A volunteer's /my on the phone: the page with their people, then its counters."""
    html = open_url("/my")
    assert "o_aktive_portal_home" in html, "the volunteer's home, with their people"
    # The first visit of a session asks for every tile's counter; later ones only for those
    # that were zero (the session remembers the others). Ours is always asked: the worst case.
    counters = sorted({*PORTAL_COUNTER.findall(html), "aktive_people_count"})
    return open_url("/my/counters", {"counters": counters})


def portal_person(open_url, participant_id):
    """The page of one person the volunteer helps: phone, address, wishes, network, log."""
    html = open_url(f"/my/aktive/person/{participant_id}")
    assert "o_aktive_person" in html, "the person's page, not another one"
    return html


class _RolledBack(Exception):
    """Raised to undo an operation that writes, so that it can be measured again."""


def rolled_back(env, operation, *args):
    """Run `operation(env, *args)` and undo what it wrote (a savepoint), for the operations
    that create records: measured again and again on the same data."""
    try:
        with env.cr.savepoint():
            operation(env, *args)
            env.flush_all()
            raise _RolledBack
    except _RolledBack:
        env.invalidate_all()


def ask_volunteers(env, wish, partners):
    """The coordinator asks volunteers about a wish (Suggest volunteers, Ask): the requests,
    the messages and the SMS of one action."""
    Request = env["aktive.volunteer.request"]
    return Request._aktive_ask(wish.with_env(env), partners.with_env(env), "tirsdager")


def volunteer_reminders(env):
    """The daily reminder job to volunteers (run as the cron: superuser)."""
    return env(su=True)["aktive.volunteer.reminders"]._cron_remind()
