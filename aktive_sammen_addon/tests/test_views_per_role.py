import datetime

from dateutil.relativedelta import relativedelta
from lxml import etree
from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AktiveCase

# What each role must find in the app menu (by menu xml id), and must not.
_VOLUNTEER = {"participant", "contact_log", "activity"}
_CASE_WORK = {"wish", "followup", "reporting"}
MENUS = {
    "volunteer": _VOLUNTEER,
    "municipal": _VOLUNTEER | _CASE_WORK,
    "coordinator": _VOLUNTEER | _CASE_WORK | {"volunteer"},
    "admin": _VOLUNTEER | _CASE_WORK | {"volunteer", "configuration"},
}
TOP_MENUS = MENUS["admin"]


@tagged("post_install", "-at_install")
class TestViewsPerRole(AktiveCase):
    """Every action a role reaches from the app menu opens without an access error: each of
    its views loads, and the default view's data loads with the fields the view asks for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The volunteer of the back office is staff who also volunteer (an internal user);
        # the volunteers of common.py are portal users, who never reach it (test below).
        cls.portal_volunteer = cls.roles["volunteer"]
        staff = new_test_user(
            cls.env,
            login="aktive_staff_volunteer",
            groups="base.group_user,aktive_sammen_addon.group_aktive_volunteer",
        )
        cls.roles = dict(cls.roles, volunteer=staff)

    def test_portal_volunteer_has_no_back_office_menu(self):
        with self.assertRaises(AccessError):
            self.env["ir.ui.menu"].with_user(self.portal_volunteer)._visible_menu_ids()

    # The buttons of the case form's header each role is shown: only those it may use.
    CASE_BUTTONS = {
        "volunteer": {"action_print_contact_form"},
        # Consent is recorded and withdrawn beside its fields, the export is in the action menu
        # (issue 16): the header keeps one row.
        "municipal": {"action_print_contact_form"},
    }

    def test_case_form_shows_only_what_the_role_can_use(self):
        """Staff who volunteer and municipal contacts open the same form as the coordinator:
        no step, pause or follow-up button, no clickable step bar, no chatter where the role
        may not write the case, no case worker field."""
        for role, expected in self.CASE_BUTTONS.items():
            with self.subTest(role=role):
                Participant = self.env["aktive.participant"].with_user(self.roles[role])
                arch = etree.fromstring(
                    Participant.get_views([[False, "form"]])["views"]["form"]["arch"]
                )
                buttons = {b.get("name") for b in arch.iterfind(".//header/button")}
                self.assertEqual(buttons, expected)
                [bar] = arch.iterfind(".//header/field[@name='stage_id']")
                self.assertNotIn("clickable", bar.get("options") or "")
                fields = {f.get("name") for f in arch.iter("field")}
                self.assertNotIn("priority", fields)
                if role == "volunteer":
                    self.assertFalse(arch.findall(".//chatter"))
                    self.assertFalse(
                        {"network_vulnerable", "days_in_step", "next_followup_date"} & fields
                    )
        coordinator = self.env["aktive.participant"].with_user(self.roles["coordinator"])
        arch = etree.fromstring(coordinator.get_views([[False, "form"]])["views"]["form"]["arch"])
        self.assertIn(
            "action_next_step", {b.get("name") for b in arch.iterfind(".//header/button")}
        )
        self.assertTrue(arch.findall(".//chatter"))

    def _visible_actions(self, user):
        Menu = self.env["ir.ui.menu"].with_user(user)
        root = self.env.ref("aktive_sammen_addon.aktive_menu_root")
        visible_ids = Menu._visible_menu_ids()
        # as the web client shows them: a menu only under visible parents
        visible = (
            Menu.browse(visible_ids)
            .sudo()
            .filtered(
                lambda m: (
                    str(root.id) in m.parent_path.split("/")
                    and all(int(p) in visible_ids for p in m.parent_path.split("/")[:-1])
                )
            )
        )
        actions = [m.sudo().action for m in visible]
        return visible, [a for a in actions if a and a._name == "ir.actions.act_window"]

    def test_each_role_sees_its_menus(self):
        for role, user in self.roles.items():
            with self.subTest(role=role):
                visible, _actions = self._visible_actions(user)
                names = {
                    m.get_external_id()[m.id]
                    .split(".")[1]
                    .removeprefix("aktive_")
                    .removesuffix("_menu")
                    for m in visible
                }
                self.assertEqual(names & TOP_MENUS, MENUS[role])

    def test_each_visible_action_renders_for_each_role(self):
        checked = 0
        for role, user in self.roles.items():
            _visible, actions = self._visible_actions(user)
            for action in actions:
                with self.subTest(role=role, action=action.name):
                    self._render(action, user)
                    checked += 1
        self.assertGreaterEqual(checked, 30)

    @staticmethod
    def _readable(Model, name):
        """Fields of our models are all read, as the client would; a field another addon put
        on a core view (e.g. mail's call sessions on contacts) only when its comodel is
        readable - the web client handles those itself."""
        field = Model._fields.get(name)
        if field is None:
            return False
        if Model._name.startswith("aktive.") or not field.relational:
            return True
        return Model.env[field.comodel_name].has_access("read")

    def _search_filters(self, Model, arch, eval_ctx):
        """Every filter and group-by of the search panel the user is shown must work."""
        ctx = dict(eval_ctx, context_today=datetime.datetime.now, relativedelta=relativedelta)
        for node in etree.fromstring(arch).iter("filter"):
            if node.get("domain"):
                Model.search_count(safe_eval(node.get("domain"), ctx))
            group_by = safe_eval(node.get("context") or "{}", ctx).get("group_by")
            if group_by:
                Model.formatted_read_group([], [group_by], ["__count"])

    def _render(self, action, user):
        env = self.env(user=user)
        eval_ctx = {"uid": user.id, "context_today": lambda: self.today, "active_id": False}
        context = dict(safe_eval(action.context or "{}", eval_ctx), lang="en_US")
        Model = env[action.res_model].with_context(**context)
        modes = action.view_mode.split(",")
        explicit = {v.view_mode: v.view_id.id for v in action.view_ids}
        views = [[explicit.get(mode) or False, mode] for mode in modes]
        views.append([action.search_view_id.id or False, "search"])
        result = Model.get_views(views)
        domain = safe_eval(action.domain or "[]", eval_ctx)
        fields_used = result["models"][action.res_model]["fields"]
        default = modes[0]
        if default == "form":
            return
        self._search_filters(Model, result["views"]["search"]["arch"], eval_ctx)
        spec = {name: {} for name in fields_used if self._readable(Model, name)}
        if default == "kanban" and Model._fields.get("stage_id"):
            Model.web_read_group(domain, ["stage_id"], ["__count"])
        if default in ("pivot", "graph"):
            arch = etree.fromstring(result["views"][default]["arch"])
            groupby = [
                f.get("name") + (f":{f.get('interval')}" if f.get("interval") else "")
                for f in arch.iter("field")
                if f.get("type") != "measure"
            ]
            Model.formatted_read_group(domain, groupby, ["__count"])
            return
        Model.web_search_read(domain, spec, limit=80)
