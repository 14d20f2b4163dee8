"""Municipal-scale benchmark (make bench; not part of make test).

Runs inside `odoo shell` on a database with the addon and its demo data installed
(scripts/bench.sh makes one). Generates a large municipality - 20,000 participants,
8,000 volunteers, 60,000 wishes, 100,000 follow-ups, 500 activities - then times the hot
paths of
aktive_sammen_addon/tests/operations.py as a coordinator, and the volunteer's phone pages as
HTTP requests: the median of several runs and the query count of one run. Prints a table;
--readme writes it into README.md.
"""

import os
import random
import statistics
import sys
import time

import odoo
from odoo import Command
from odoo import sql_db
from odoo.addons.aktive_sammen_addon.models.aktive_groups import VOLUNTEER
from odoo.addons.aktive_sammen_addon.tests import operations
from werkzeug.test import Client

SCALE = {
    "participants": 20000,
    "volunteers": 8000,
    "wishes": 60000,
    "followups": 100000,
    "activities": 500,
}
RUNS = 5
AREAS = [f"Bydel {i}" for i in range(40)]
RESIDENCES = [f"Omsorgsbolig {i}" for i in range(60)]
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
}


def generate(env):
    rnd = random.Random(19)
    env = env(context=dict(env.context, **QUIET))
    cr = env.cr
    categories = env["aktive.wish.category"].search([]).ids
    interests = env["aktive.interest"].create([{"name": f"Interesse {i}"} for i in range(30)]).ids
    coordinators = env["res.users"].create(
        [
            {
                "name": f"Koordinator {i}",
                "login": f"bench_coord_{i}",
                "group_ids": [
                    Command.set(env.ref("aktive_sammen_addon.group_aktive_coordinator").ids)
                ],
            }
            for i in range(10)
        ]
    )
    signed = "U2lnbmVydA=="
    volunteers = env["res.partner"]
    for start in range(0, SCALE["volunteers"], 2000):
        volunteers |= env["res.partner"].create(
            [
                {
                    "name": f"Frivillig {i}",
                    "is_aktive_volunteer": True,
                    "aktive_area": rnd.choice(AREAS),
                    "aktive_driving_licence": rnd.random() < 0.5,
                    "aktive_has_car": rnd.random() < 0.4,
                    "aktive_confidentiality_date": "2026-01-01",
                    "aktive_confidentiality_document": signed if rnd.random() < 0.9 else False,
                }
                for i in range(start, start + 2000)
            ]
        )
    cr.execute(
        "INSERT INTO aktive_partner_interest_rel (partner_id, interest_id) "
        "SELECT p, (%s::int[])[1 + (p * 7 + k) %% %s] FROM unnest(%s::int[]) p, "
        "generate_series(1, 3) k ON CONFLICT DO NOTHING",
        [interests, len(interests), volunteers.ids],
    )
    env["aktive.activity"].create(
        [
            {
                "name": f"Aktivitet {i}",
                "area": rnd.choice(AREAS),
                "category_ids": [Command.set([rnd.choice(categories)])],
                "member_ids": [Command.set(rnd.sample(volunteers.ids, 8))],
            }
            for i in range(SCALE["activities"])
        ]
    )
    stages = env["aktive.stage"].search([]).ids
    participants = env["aktive.participant"]
    for start in range(0, SCALE["participants"], 2000):
        participants |= env["aktive.participant"].create(
            [
                {
                    "name": f"Deltaker {i}",
                    "area": rnd.choice(AREAS),
                    "residence": rnd.choice(RESIDENCES) if rnd.random() < 0.3 else False,
                    "coordinator_id": rnd.choice(coordinators.ids),
                    "target_group": rnd.choice(["senior", "disability", "long_term_ill"]),
                    "interest_ids": [Command.set(rnd.sample(interests, 2))],
                }
                for i in range(start, start + 2000)
            ]
        )
    env.flush_all()
    ids = participants.ids
    # Bulk rows straight in SQL (stored computed values filled from the same joins), then
    # the participants' stored computes recomputed by the ORM in batches.
    cr.execute(
        "UPDATE aktive_participant SET stage_id = (%s::int[])[1 + id %% 5], "
        "referral_date = CURRENT_DATE - (id %% 400), "
        "date_network_established = CASE WHEN id %% 5 = 4 THEN CURRENT_DATE - (id %% 100) END "
        "WHERE id = ANY(%s)",
        [stages, ids],
    )
    cr.execute(
        """INSERT INTO aktive_wish (participant_id, company_id, name, category_id, state,
                                    residence, area, sequence, create_uid, write_uid,
                                    create_date, write_date)
           SELECT p.id, p.company_id, 'Ønske ' || k, (%s::int[])[1 + (p.id + k) %% %s],
                  (ARRAY['new','clarifying','agreed','fulfilled','dropped'])[1 + (p.id * k) %% 5],
                  p.residence, p.area, 10, 1, 1, now(), now()
             FROM aktive_participant p, generate_series(1, %s) k WHERE p.id = ANY(%s)""",
        [categories, len(categories), SCALE["wishes"] // SCALE["participants"], ids],
    )
    cr.execute(
        """INSERT INTO aktive_network_member (participant_id, company_id, partner_id,
                                              member_kind, date_start, active, sequence,
                                              create_uid, write_uid, create_date, write_date)
           SELECT p.id, p.company_id, (%s::int[])[1 + (p.id * 13 + k) %% %s], 'volunteer',
                  CURRENT_DATE - 100, k < 3, 10, 1, 1, now(), now()
             FROM aktive_participant p, generate_series(1, 2) k WHERE p.id = ANY(%s)""",
        [volunteers.ids, len(volunteers), ids],
    )
    per = SCALE["followups"] // SCALE["participants"]
    cr.execute(
        """INSERT INTO aktive_followup (participant_id, company_id, user_id, with_whom,
                                        date_planned, date_held, state, is_overdue,
                                        create_uid, write_uid, create_date, write_date)
           SELECT p.id, p.company_id, p.coordinator_id, 'participant',
                  CURRENT_DATE - (60 * (%s - k)) + (p.id %% 90) - 45,
                  CASE WHEN k < %s THEN CURRENT_DATE - (60 * (%s - k)) - 45 END,
                  CASE WHEN k < %s THEN 'held' ELSE 'planned' END, false, 1, 1, now(), now()
             FROM aktive_participant p, generate_series(1, %s) k WHERE p.id = ANY(%s)""",
        [per, per, per, per, per, ids],
    )
    # A loneliness measure at each follow-up held (UCLA 3-9, declined now and then), and a
    # baseline before the first; volunteer hours in the contact log and group activities.
    cr.execute(
        """INSERT INTO aktive_loneliness_measure (participant_id, company_id, followup_id, date,
                                                  kind, declined, lack_companionship, left_out,
                                                  isolated, ucla_score, create_uid, write_uid,
                                                  create_date, write_date)
           SELECT f.participant_id, f.company_id, f.id, f.date_held, 'followup',
                  f.id %% 17 = 0, a.x, a.y, a.z,
                  CASE WHEN f.id %% 17 = 0 THEN 0 ELSE a.x::int + a.y::int + a.z::int END,
                  1, 1, now(), now()
             FROM aktive_followup f,
                  LATERAL (SELECT CASE WHEN f.id %% 17 = 0 THEN NULL
                                       ELSE (1 + (f.id + f.participant_id) %% 3)::text END AS x,
                                  CASE WHEN f.id %% 17 = 0 THEN NULL
                                       ELSE (1 + f.id %% 3)::text END AS y,
                                  CASE WHEN f.id %% 17 = 0 THEN NULL
                                       ELSE (1 + (f.id / 3) %% 3)::text END AS z) a
            WHERE f.state = 'held' AND f.participant_id = ANY(%s)
           UNION ALL
           SELECT p.id, p.company_id, NULL, p.referral_date, 'baseline', false, '3', '2',
                  (1 + p.id %% 3)::text, 6 + p.id %% 3, 1, 1, now(), now()
             FROM aktive_participant p WHERE p.id = ANY(%s)""",
        [ids, ids],
    )
    cr.execute(
        """INSERT INTO aktive_contact_log (participant_id, company_id, user_id, date, kind,
                                           hours, create_uid, write_uid, create_date, write_date)
           SELECT p.id, p.company_id, p.coordinator_id, CURRENT_DATE - (p.id * k) %% 400,
                  'visit', 1 + (p.id + k) %% 3, 1, 1, now(), now()
             FROM aktive_participant p, generate_series(1, 3) k WHERE p.id = ANY(%s)""",
        [ids],
    )
    cr.execute(
        """INSERT INTO aktive_volunteer_hours (partner_id, company_id, date, hours, create_uid,
                                               write_uid, create_date, write_date)
           SELECT v, %s, CURRENT_DATE - (v * k) %% 400, 2, 1, 1, now(), now()
             FROM unnest(%s::int[]) v, generate_series(1, 5) k""",
        [env.company.id, volunteers.ids],
    )
    env.invalidate_all()
    for start in range(0, len(ids), 5000):
        batch = env["aktive.participant"].browse(ids[start : start + 5000])
        batch._compute_network()
        batch._compute_next_followup_date()
        batch._compute_days_to_network()
        env.flush_all()
        env.invalidate_all()
    volunteers.invalidate_recordset()
    volunteers._compute_aktive_assignment_count()
    env.flush_all()
    cr.execute("ANALYZE")
    return coordinators[0]


def measure(env, coordinator):
    as_coordinator = env(user=coordinator)
    wish = env["aktive.wish"].search(
        [("state", "=", "new"), ("participant_id.interest_ids", "!=", False)], limit=1
    )
    ops = [
        (
            "Participant board, first page grouped by step (web_read_group)",
            operations.kanban_first_page,
            (),
        ),
        ("Suggest volunteers for one wish", operations.suggest_volunteers, (wish,)),
        ("Ripple-effect clusters", operations.ripple_clusters, ()),
        ("Reporting pivots (participants, follow-ups per month)", operations.reporting_pivot, ()),
        (
            "Annual report, all figures of this year (PDF and spreadsheet)",
            operations.annual_report,
            (),
        ),
    ]
    rows = []
    for label, operation, args in ops:
        operation(as_coordinator, *args)  # warm the registry caches
        times, queries = [], None
        for _ in range(RUNS):
            env.invalidate_all()
            before = env.cr.sql_log_count
            start = time.perf_counter()
            operation(as_coordinator, *args)
            times.append(time.perf_counter() - start)
            queries = env.cr.sql_log_count - before
        rows.append((label, queries, statistics.median(times)))
    rows += measure_overdue_cron(env)
    rows += measure_messages(env, as_coordinator, wish)
    rows += measure_portal(env)
    return rows


def measure_messages(env, as_coordinator, wish):
    """Asking 10 volunteers about a wish, and the daily reminder job to volunteers, each
    undone after the run (operations.rolled_back). No SMS provider is reached: Odoo's SMS
    API is answered here as its own tests do (sms.tests.common), every number a success. At
    night the messages wait in the queue (quiet hours): the times are of a day."""
    from unittest.mock import patch

    from odoo.addons.sms.tools.sms_api import SmsApi

    def provider(_api, _endpoint, params):
        return [
            {"uuid": number["uuid"], "state": "success", "credit": 1}
            for message in params.get("messages", [])
            for number in message["numbers"]
        ]

    # Every volunteer a mobile number (the centres' SMS list), ten of them asked.
    env.cr.execute(
        "UPDATE res_partner SET phone = '9' || lpad(id::text, 7, '0'),"
        " aktive_message_channel = 'sms' WHERE is_aktive_volunteer"
    )
    env.invalidate_all()
    volunteers = env["res.partner"].search([("is_aktive_volunteer", "=", True)], limit=10)
    # A tenth of the volunteers were last contacted over two months ago: the check-ins due.
    env.cr.execute(
        "UPDATE res_partner SET aktive_next_contact_date = CURRENT_DATE - 1"
        " WHERE is_aktive_volunteer AND id % 10 = 0"
    )
    env.invalidate_all()
    ops = [
        (
            "Ask 10 volunteers about a wish (requests, SMS)",
            as_coordinator,
            operations.ask_volunteers,
            (wish, volunteers),
        ),
        (
            "Daily reminders to volunteers (check-ins due: 800)",
            env,
            operations.volunteer_reminders,
            (),
        ),
    ]
    rows = []
    with patch.object(SmsApi, "_contact_iap", autospec=True, side_effect=provider):
        for label, run_env, operation, args in ops:
            operations.rolled_back(run_env, operation, *args)  # warm the caches
            times, queries = [], None
            for _ in range(RUNS):
                env.invalidate_all()
                before = env.cr.sql_log_count
                start = time.perf_counter()
                operations.rolled_back(run_env, operation, *args)
                times.append(time.perf_counter() - start)
                queries = env.cr.sql_log_count - before
            rows.append((label, queries, statistics.median(times)))
    return rows


def portal_client(env, login):
    """A phone in this process: Odoo's WSGI application serves each request as a server does,
    on a cursor of its own (so it reads committed data only). Returns operations' open_url."""
    client = Client(odoo.http.root)
    environ = {"REMOTE_ADDR": "127.0.0.1"}
    resolved = {}

    def open_url(path, params=None):
        if params is not None:
            payload = {"jsonrpc": "2.0", "method": "call", "params": params}
            response = client.post(path, json=payload, environ_base=environ)
            body = response.get_json()
            if response.status_code != 200 or "error" in body:
                raise RuntimeError(f"{path}: {response.status_code} {body.get('error')}")
            return body["result"]
        # A user whose language is not the default one is sent on to /<lang>/...: after the
        # first time, ask for the address it led to, as the links of the pages do.
        response = client.get(resolved.get(path, path), environ_base=environ, follow_redirects=True)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code}")
        resolved[path] = response.request.path
        return response.get_data(as_text=True)

    open_url("/web/session/authenticate", {"db": env.cr.dbname, "login": login, "password": login})
    return open_url


def measure_portal(env):
    """The volunteer's phone pages, for the generated volunteer with the most people, as a
    portal user in bokmål. The data is committed first (the requests have cursors of their
    own): the benchmark database is thrown away afterwards."""
    env.cr.execute(
        "SELECT m.partner_id FROM aktive_network_member m JOIN res_partner p ON p.id = m.partner_id"
        " WHERE m.active AND p.name LIKE 'Frivillig %%'"
        " GROUP BY m.partner_id ORDER BY count(*) DESC, m.partner_id LIMIT 1"
    )
    partner = env["res.partner"].browse(env.cr.fetchone()[0])
    partner.aktive_confidentiality_document = "U2lnbmVydA=="
    groups = [env.ref("base.group_portal").id, env.ref(VOLUNTEER).id]
    lang = "nb_NO" if env["res.lang"].search_count([("code", "=", "nb_NO")]) else env.lang
    user = env["res.users"].create(
        {
            "login": "bench_volunteer",
            "password": "bench_volunteer",
            "partner_id": partner.id,
            "lang": lang,
            "group_ids": [Command.set(groups)],
        }
    )
    people = env["aktive.participant"].with_user(user).search([])
    env.cr.commit()
    open_url = portal_client(env, user.login)
    ops = [
        (
            f"Volunteer's home /my with its counters ({len(people)} people)",
            operations.portal_home,
            (),
        ),
        ("One person's page for the volunteer", operations.portal_person, (people[0].id,)),
    ]
    rows = []
    for label, operation, args in ops:
        operation(open_url, *args)  # warm the registry caches
        times, queries = [], None
        for _ in range(RUNS):
            before = sql_db.sql_counter
            start = time.perf_counter()
            operation(open_url, *args)
            times.append(time.perf_counter() - start)
            queries = sql_db.sql_counter - before
        rows.append((label, queries, statistics.median(times)))
    return rows


def run_cron_batch(env):
    """One call of the overdue job: queries, seconds and how many it flagged."""
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    flagged = operations.overdue_cron(env)
    seconds = time.perf_counter() - start
    env.flush_all()
    return env.cr.sql_log_count - before, seconds, len(flagged)


def measure_overdue_cron(env):
    """First run: every generated late follow-up at once (the worst case), worked off batch by
    batch as Odoo's cron runner calls the job again; then a normal day: 200 became late."""
    batches = []
    while not batches or batches[-1][2]:
        batches.append(run_cron_batch(env))
    full = [b for b in batches if b[2] == batches[0][2]]
    backlog = sum(b[2] for b in batches)
    total = sum(b[1] for b in batches)
    rows = [
        (
            f"Overdue cron, first run: one batch of {batches[0][2]:,} (the backlog of "
            f"{backlog:,} in {len(batches) - 1} batches, {total:.1f} s in all)",
            full[0][0],
            statistics.median(b[1] for b in full),
        )
    ]
    env.cr.execute(
        "UPDATE aktive_followup SET date_planned = CURRENT_DATE - 1 WHERE id IN ("
        " SELECT id FROM aktive_followup WHERE state = 'planned' AND NOT is_overdue"
        " ORDER BY id LIMIT 200)"
    )
    queries, seconds, flagged = run_cron_batch(env)
    rows.append((f"Overdue cron, a normal day (flags {flagged:,})", queries, seconds))
    return rows


def table(rows, counts):
    lines = [
        f"Data: {counts['aktive.participant']:,} participants, {counts['volunteers']:,} "
        f"volunteers, {counts['aktive.wish']:,} wishes, {counts['aktive.followup']:,} "
        f"follow-ups, {counts['aktive.activity']:,} activities, "
        f"{counts['aktive.loneliness.measure']:,} loneliness measures.",
        "",
        "| operation | queries | median time |",
        "|---|---:|---:|",
    ]
    lines += [
        f"| {label} | {queries} | {seconds * 1000:.0f} ms |" for label, queries, seconds in rows
    ]
    return "\n".join(lines)


def main(env):
    start = time.perf_counter()
    coordinator = generate(env)
    generated = time.perf_counter() - start
    counts = {
        m: env[m].search_count([])
        for m in (
            "aktive.participant",
            "aktive.wish",
            "aktive.followup",
            "aktive.activity",
            "aktive.loneliness.measure",
        )
    }
    counts["volunteers"] = env["res.partner"].search_count([("is_aktive_volunteer", "=", True)])
    rows = measure(env, coordinator)
    text = table(rows, counts)
    print(text)
    print(f"\n(data generated in {generated:.0f} s)")
    readme = os.environ.get("AKTIVE_BENCH_README")
    if readme:
        with open(readme) as file:
            content = file.read()
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        head, _sep, rest = content.partition(begin)
        _old, _sep, tail = rest.partition(end)
        with open(readme, "w") as file:
            file.write(f"{head}{begin}\n{text}\n{end}{tail}")
    env.cr.rollback()


if "env" in globals():  # run by `odoo shell`
    main(globals()["env"])
elif __name__ == "__main__":
    sys.exit("run through scripts/bench.sh (make bench)")
