"""Red team over HTTP: attack a served demo database as each role, with a second company.

    .venv/bin/python scripts/red_team.py http://127.0.0.1:8069 DBNAME

Logs in as the demo users (bjorg coordinator, hilde/eva municipal contacts, mahmoud portal
volunteer) and as users of a second company it makes itself (a coordinator, a municipal
contact, a portal volunteer, and a coordinator working in both companies), then tries, over
JSON-RPC and the portal's URLs, what each role must not do: read, search, name-search and write
the other company's records and contact cards, read their chatter, search through relational
paths into records the role may not see, delete a case with history under a context key,
write lifecycle fields, move records to another case, and send bad input. Prints each attempt
that got through and the count; exits 1 when any did. Changes the database: run it on a
throw-away one (make test leaves aktive_sammen_test)."""

import json
import sys
import uuid

import requests

ADDON_MODELS = [
    "aktive.participant",
    "aktive.wish",
    "aktive.network.member",
    "aktive.followup",
    "aktive.sensitive.note",
    "aktive.contact.log",
    "aktive.contact.form.version",
    "aktive.loneliness.measure",
    "aktive.access.log",
    "aktive.volunteer.contact",
    "aktive.volunteer.hours",
    "aktive.cooperation.agreement",
]
LIFECYCLE = {
    "anonymised": True,
    "date_anonymised": "2020-01-01",
    "date_network_established": "2020-01-01",
    "date_closed": "2020-01-01",
    "date_last_stage_update": "2020-01-01 00:00:00",
}
CASE_CHILDREN = [
    "aktive.wish",
    "aktive.network.member",
    "aktive.followup",
    "aktive.contact.log",
    "aktive.loneliness.measure",
    "aktive.sensitive.note",
]


class RpcError(Exception):
    pass


class ServerError(Exception):
    pass


class Session:
    def __init__(self, url, db, login, password=None):
        self.url, self.db, self.login = url, db, login
        self.http = requests.Session()
        reply = self._post(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password or login},
        )
        self.uid = reply["uid"]

    def _post(self, path, params):
        response = self.http.post(
            self.url + path,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        if response.status_code >= 500:
            raise ServerError(f"{path}: HTTP {response.status_code}")
        body = response.json()
        if "error" in body:
            raise RpcError(body["error"].get("data", {}).get("message") or body["error"]["message"])
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        return self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path):
        return self.http.get(self.url + path, timeout=60, allow_redirects=False)


class RedTeam:
    def __init__(self, url, db):
        self.url, self.db = url, db
        self.attempts = 0
        self.through = []
        self.admin = Session(url, db, "admin")

    # --- bookkeeping ---------------------------------------------------------------------
    def attempt(self, label, func, denied):
        """Run one attack; `denied(result)` says whether the answer kept the secret. An
        RPC error is a refusal; a 500 always counts as a failure."""
        self.attempts += 1
        try:
            result = func()
        except RpcError:
            return
        except ServerError as error:
            self.through.append(f"{label}: {error}")
            return
        if not denied(result):
            self.through.append(f"{label}: {str(result)[:160]}")

    def of_thread(self, message_ids, model, thread):
        """The messages among `message_ids` posted on that record (Odoo answers a thread
        the user may not read with the messages they may read elsewhere)."""
        messages = self.admin.call("mail.message", "read", message_ids, ["model", "res_id"])
        return [m["id"] for m in messages if (m["model"], m["res_id"]) == (model, thread)]

    # --- set-up as admin -----------------------------------------------------------------
    def setup(self):
        a = self.admin
        tag = uuid.uuid4().hex[:6]
        self.company1 = a.call("res.users", "read", [a.uid], ["company_id"])[0]["company_id"][0]
        self.company2 = a.call("res.company", "create", [{"name": f"Iveland kommune {tag}"}])[0]
        groups = {
            key: a.call("ir.model.data", "check_object_reference", module, name)[1]
            for key, (module, name) in {
                "portal": ("base", "group_portal"),
                "user": ("base", "group_user"),
                "volunteer": ("aktive_sammen_addon", "group_aktive_volunteer"),
                "municipal": ("aktive_sammen_addon", "group_aktive_municipal"),
                "coordinator": ("aktive_sammen_addon", "group_aktive_coordinator"),
            }.items()
        }

        def user(login, group_keys, companies):
            a.call(
                "res.users",
                "create",
                [
                    {
                        "name": login,
                        "login": login,
                        "password": login + "-pass",
                        "company_id": companies[0],
                        "company_ids": [(6, 0, companies)],
                        "group_ids": [(6, 0, [groups[k] for k in group_keys])],
                    }
                ],
            )
            return login

        self.logins = {
            "coordinator2": user(f"rt_coord2_{tag}", ["user", "coordinator"], [self.company2]),
            "municipal2": user(f"rt_muni2_{tag}", ["user", "municipal"], [self.company2]),
            "volunteer2": user(f"rt_vol2_{tag}", ["portal", "volunteer"], [self.company2]),
            "county": user(
                f"rt_county_{tag}", ["user", "coordinator"], [self.company2, self.company1]
            ),
        }
        # A case in company 2, for the moves.
        self.case2 = a.call(
            "aktive.participant",
            "create",
            [{"name": f"Other case {tag}", "company_id": self.company2}],
        )[0]
        # What company 1 holds.
        ctx = {"active_test": False}
        self.targets = {
            model: a.call(model, "search", [("company_id", "=", self.company1)], context=ctx)
            for model in ADDON_MODELS
        }
        cases = a.call(
            "aktive.participant",
            "read",
            self.targets["aktive.participant"],
            ["partner_id", "network_member_ids"],
            context=ctx,
        )
        cards = [c["partner_id"][0] for c in cases]
        children = a.call("res.partner", "search", [("parent_id", "in", cards)], context=ctx)
        volunteers = a.call(
            "res.partner",
            "search",
            [("is_aktive_volunteer", "=", True), ("user_ids", "=", False)],
            context=ctx,
        )
        self.targets["res.partner"] = sorted(set(cards + children + volunteers))
        mahmoud = a.call("res.users", "search", [("login", "=", "mahmoud")])
        mahmoud_partner = a.call("res.users", "read", mahmoud, ["partner_id"])[0]["partner_id"][0]
        self.mahmoud_cases = a.call(
            "aktive.participant",
            "search",
            [
                (
                    "network_member_ids",
                    "any",
                    [("partner_id", "=", mahmoud_partner), ("active", "=", True)],
                )
            ],
        )
        self.notes_by_case = {}
        for note in a.call(
            "aktive.sensitive.note", "search_read", [], ["participant_id"], context=ctx
        ):
            self.notes_by_case.setdefault(note["participant_id"][0], []).append(note["id"])

    # --- attacks -------------------------------------------------------------------------
    def other_company(self, role):
        s = Session(self.url, self.db, self.logins[role], self.logins[role] + "-pass")
        for model, ids in self.targets.items():
            if not ids:
                continue
            self.attempt(
                f"{role} search {model} of company 1",
                lambda s=s, model=model, ids=ids: s.call(
                    model, "search", [("id", "in", ids)], context={"active_test": False}
                ),
                lambda r: not r,
            )
            self.attempt(
                f"{role} read {model} of company 1",
                lambda s=s, model=model, ids=ids: s.call(model, "read", ids[:20], ["display_name"]),
                lambda r: not r,
            )
            self.attempt(
                f"{role} name_search {model}",
                lambda s=s, model=model: s.call(model, "name_search", "", limit=1000),
                lambda r, ids=set(ids): not ({row[0] for row in r} & ids),
            )
            self.attempt(
                f"{role} write {model} of company 1",
                # an empty write still checks the right to write the records
                lambda s=s, model=model, ids=ids: s.call(model, "write", ids[:5], {}),
                lambda r: not r,
            )
            for thread in ids[:5]:
                self.attempt(
                    f"{role} /mail/thread/messages {model},{thread}",
                    lambda s=s, model=model, thread=thread: s._post(
                        "/mail/thread/messages",
                        {"thread_model": model, "thread_id": thread, "fetch_params": {}},
                    ),
                    lambda r, model=model, thread=thread: (
                        not self.of_thread(r["messages"], model, thread)
                    ),
                )
        cards = self.targets["res.partner"]
        self.attempt(
            f"{role} write contact card of company 1",
            lambda: s.call("res.partner", "write", cards[:3], {"comment": "red team"}),
            lambda r: not r,
        )

    def coordinator_paths(self):
        """bjorg may not learn which cases hold sensitive notes without the consent."""
        s = Session(self.url, self.db, "bjorg")
        consented = set(
            self.admin.call(
                "aktive.participant", "search", [("consent_share_coordinator", "=", True)]
            )
        )
        secret = {case for case in self.notes_by_case if case not in consented}

        def cases(rows):
            return {row["participant_id"][0] for row in rows}

        for model in CASE_CHILDREN[:5]:
            seen = cases(s.call(model, "search_read", [], ["participant_id"]))
            # "!= False" may only find cases whose notes bjorg may read; "= False" must not
            # leave out the cases whose notes are hidden from him.
            self.attempt(
                f"bjorg {model} participant_id.sensitive_note_ids != False",
                lambda model=model: s.call(
                    model,
                    "search_read",
                    [("participant_id.sensitive_note_ids", "!=", False)],
                    ["participant_id"],
                ),
                lambda r: not (cases(r) & secret),
            )
            self.attempt(
                f"bjorg {model} participant_id.sensitive_note_ids = False",
                lambda model=model: s.call(
                    model,
                    "search_read",
                    [("participant_id.sensitive_note_ids", "=", False)],
                    ["participant_id"],
                ),
                lambda r, seen=seen: (seen & secret) <= cases(r),
            )
        self.attempt(
            "bjorg res.partner aktive_participant_ids.sensitive_note_ids != False",
            lambda: s.call(
                "res.partner",
                "search_count",
                [("aktive_participant_ids.sensitive_note_ids", "!=", False)],
            ),
            lambda r: r <= len(consented),
        )

    def volunteer_paths(self):
        s = Session(self.url, self.db, "mahmoud")
        others = [c for c in self.targets["aktive.participant"] if c not in self.mahmoud_cases]
        for model in ("aktive.participant", "aktive.wish", "aktive.network.member", "res.partner"):
            field = "id" if model == "aktive.participant" else "participant_id"
            if model == "res.partner":
                field = "aktive_participant_ids"
            self.attempt(
                f"mahmoud {model} on other cases",
                lambda model=model, field=field: s.call(
                    model, "search", [(field, "in", others)], context={"active_test": False}
                ),
                lambda r: not r,
            )
        for model in ("aktive.wish", "aktive.network.member"):
            self.attempt(
                f"mahmoud {model} participant_id.contact_log_ids != False",
                lambda model=model: s.call(
                    model,
                    "search_read",
                    [("participant_id.contact_log_ids.user_id", "!=", s.uid)],
                    ["id"],
                ),
                lambda r: not r,
            )
        self.attempt(
            "mahmoud res.users of staff",
            lambda: s.call("res.users", "search_read", [("share", "=", False)], ["login"]),
            lambda r: len(r) <= 4,
        )
        for path in (
            "/my/aktive/person/%00",
            "/my/aktive/person/999999999",
            "/my/aktive/%00",
            "/report/pdf/aktive_sammen_addon.aktive_contact_form_report/%00",
        ):
            self.attempts += 1
            response = s.get(path)
            if response.status_code >= 500:
                self.through.append(f"mahmoud GET {path}: HTTP {response.status_code}")
        for case in others[:10]:
            self.attempts += 1
            response = s.get(f"/my/aktive/person/{case}")
            if response.status_code == 200:
                self.through.append(f"mahmoud opened /my/aktive/person/{case}")

    def lifecycle_and_context(self):
        for login in ("hilde", "bjorg"):
            s = Session(self.url, self.db, login)
            cases = s.call("aktive.participant", "search", [], limit=3)
            for name, value in LIFECYCLE.items():
                self.attempt(
                    f"{login} write {name} on a case",
                    lambda s=s, cases=cases, name=name, value=value: s.call(
                        "aktive.participant", "write", cases[:1], {name: value}
                    ),
                    lambda r: not r,
                )
                self.attempt(
                    f"{login} create a case with {name}",
                    lambda s=s, name=name, value=value: s.call(
                        "aktive.participant", "create", [{"name": "RT lifecycle", name: value}]
                    ),
                    lambda r: not r,
                )
            if login == "hilde":
                self.attempt(
                    "hilde archive a case",
                    lambda s=s, cases=cases: s.call(
                        "aktive.participant", "write", cases[:1], {"active": False}
                    ),
                    lambda r: not r,
                )
        bjorg = Session(self.url, self.db, "bjorg")
        keys = ("aktive_retention", "aktive_contact_form_send", "aktive_notify_by_mail")
        for key, case in zip(keys, self.notes_by_case, strict=False):
            # a case with sensitive notes (history) must survive whatever the context says
            self.attempt(
                f"bjorg unlink a case with notes under context {key}",
                lambda key=key, case=case: bjorg.call(
                    "aktive.participant", "unlink", [case], context={key: True}
                ),
                lambda r, case=case: self.admin.call(
                    "aktive.participant",
                    "search",
                    [("id", "=", case)],
                    context={"active_test": False},
                ),
            )
        county = Session(self.url, self.db, self.logins["county"], self.logins["county"] + "-pass")
        for model in CASE_CHILDREN[:5]:
            ids = self.targets.get(model, [])[:1]
            if not ids:
                continue
            self.attempt(
                f"county coordinator moves {model} to another company's case",
                lambda model=model, ids=ids: county.call(
                    model, "write", ids, {"participant_id": self.case2}
                ),
                lambda r: not r,
            )

    def bad_input(self):
        s = Session(self.url, self.db, "bjorg")
        case = s.call("aktive.participant", "search", [], limit=1)
        for label, vals in (
            ("NUL in a name", {"interests": "a\x00b"}),
            ("lone surrogate", {"interests": "a\ud800b"}),
            ("3 MB interests", {"interests": "x" * 3_000_000}),
        ):
            self.attempt(
                f"bjorg write {label}",
                lambda vals=vals: s.call("aktive.participant", "write", case, vals),
                lambda r: not r,
            )
        self.attempt(
            "bjorg create a case with a 3 MB name",
            lambda: s.call("aktive.participant", "create", [{"name": "x" * 3_000_000}]),
            lambda r: not r,
        )
        self.attempt(
            "bjorg contact log create with a string",
            lambda: s.call("aktive.contact.log", "create", ["abc"]),
            lambda r: not r,
        )

    def run(self):
        self.setup()
        for role in ("coordinator2", "municipal2", "volunteer2"):
            self.other_company(role)
        self.coordinator_paths()
        self.volunteer_paths()
        self.lifecycle_and_context()
        self.bad_input()
        for line in self.through:
            print("THROUGH:", line)
        print(f"red team: {self.attempts} attempts, {len(self.through)} got through")
        return 1 if self.through else 0


if __name__ == "__main__":
    sys.exit(RedTeam(sys.argv[1], sys.argv[2]).run())
