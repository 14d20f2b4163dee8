import base64

from odoo import Command
from odoo import fields
from odoo.tests import TransactionCase
from odoo.tests import new_test_user

from .access_matrix import DenialMixin

SIGNED = base64.b64encode(b"%PDF-1.4 signed declaration")
# A one-pixel PNG: a photo or a logo of one's own.
PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
    "hQGAhKmMIQAAAABJRU5ErkJggg=="
)


PORTAL_VOLUNTEER = "base.group_portal,aktive_sammen_addon.group_aktive_volunteer"
STAFF_VOLUNTEER = "base.group_user,aktive_sammen_addon.group_aktive_volunteer"
GROUP = "aktive_sammen_addon.group_aktive_"
# The groups of each role's user. Volunteers are portal users (issue 13): the pages under /my.
ROLE_GROUPS = {
    "volunteer": PORTAL_VOLUNTEER,
    "municipal": GROUP + "municipal",
    "coordinator": GROUP + "coordinator",
    "admin": GROUP + "admin,base.group_system",
}


def new_signed_volunteer(env, login, groups=PORTAL_VOLUNTEER, **kwargs):
    """A volunteer user (portal by default) with the signed declaration on file, as a network
    needs; the password is the login unless given."""
    user = new_test_user(env, login=login, groups=groups, **kwargs)
    user.partner_id.write(
        {
            "is_aktive_volunteer": True,
            "aktive_confidentiality_date": fields.Date.today(),
            "aktive_confidentiality_document": SIGNED,
        }
    )
    return user


class AktiveCase(DenialMixin, TransactionCase):
    """One coordinator, two volunteers (one without a signed declaration), a relative, an
    organisation and a fresh participant in step 1: the cast most tests need."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One time zone for every user of the test, so "today" is the same day for all.
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Oslo"))
        # The same "today" as the models: the user's time zone, not the server's.
        cls.today = fields.Date.context_today(cls.env.user)
        # These tests read the texts the addon stores in English, their source language: the
        # demo municipality writes them in bokmål (models/aktive_text_language.py; both ways
        # in test_landing_language.py).
        cls.env.company.partner_id.lang = "en_US"
        cls.roles = {
            role: new_test_user(
                cls.env, login=f"aktive_{role}", groups=ROLE_GROUPS[role], name=name
            )
            for role, name in (
                ("volunteer", "Mahmoud Test"),
                ("municipal", "Hilde Test"),
                ("coordinator", "Bjørg Test"),
                ("admin", "Ingrid Test"),
            )
        }
        cls.volunteer_user = cls.roles["volunteer"]
        cls.municipal_user = cls.roles["municipal"]
        cls.coordinator = cls.roles["coordinator"]
        cls.admin_user = cls.roles["admin"]
        Partner = cls.env["res.partner"]
        # The volunteer's own contact card is the one of their user.
        cls.volunteer = cls.volunteer_user.partner_id
        cls.volunteer.write(
            {
                "phone": "900 00 001",
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": cls.today,
                "aktive_confidentiality_document": SIGNED,
            }
        )
        cls.volunteer_unsigned = Partner.create(
            {"name": "Unsigned Volunteer", "is_aktive_volunteer": True}
        )
        cls.relative = Partner.create({"name": "Kari Test", "phone": "900 00 002"})
        cls.organisation = Partner.create({"name": "Lions Test", "is_company": True})
        cls.stages = cls.env["aktive.stage"].search([])
        cls.category = cls.env.ref("aktive_sammen_addon.wish_category_culture")
        cls.role_visit = cls.env.ref("aktive_sammen_addon.network_role_visiting_friend")
        cls.role_drive = cls.env.ref("aktive_sammen_addon.network_role_driving_friend")
        cls.participant = cls.env["aktive.participant"].create(
            {
                "name": "Arne Test",
                "coordinator_id": cls.coordinator.id,
                "referral_source": "relative",
            }
        )

    @classmethod
    def new_role_user(cls, login, role, companies, groups=None):
        """A user of `role` working in `companies` (the first one current): another
        municipality's coordinator, or one who serves two."""
        return new_test_user(
            cls.env,
            login=login,
            groups=groups or ROLE_GROUPS[role],
            company_id=companies[0].id,
            company_ids=[Command.set(companies.ids)],
        )

    @classmethod
    def add_units(cls, other_name="NAV"):
        """The municipal user's unit (home care), holding the test's participant, and a unit
        of other people's: the municipality the municipal tests need."""
        Unit = cls.env["aktive.municipal.unit"]
        cls.unit = Unit.create(
            {"name": "Home care", "user_ids": [Command.set(cls.municipal_user.ids)]}
        )
        cls.other_unit = Unit.create({"name": other_name})
        cls.participant.municipal_unit_id = cls.unit

    @classmethod
    def new_staff_volunteer(cls, login, participant=None):
        """Staff who also volunteer: an internal user with the Volunteer group and a signed
        declaration, in the network of `participant` (the test's participant by default)."""
        staff = new_signed_volunteer(cls.env, login, groups=STAFF_VOLUNTEER)
        cls.env["aktive.network.member"].create(
            {
                "participant_id": (participant or cls.participant).id,
                "partner_id": staff.partner_id.id,
            }
        )
        return staff

    def add_wish(self, participant=None, state="new", **vals):
        return self.env["aktive.wish"].create(
            {
                "participant_id": (participant or self.participant).id,
                "name": "Continue at Lions",
                "category_id": self.category.id,
                "state": state,
                **vals,
            }
        )

    def add_member(self, partner, participant=None, **vals):
        return self.env["aktive.network.member"].create(
            {
                "participant_id": (participant or self.participant).id,
                "partner_id": partner.id,
                "role_id": self.role_visit.id,
                **vals,
            }
        )

    def move_to(self, participant, index):
        """Walk forward step by step to stages[index], meeting each guard on the way."""
        participant.stage_id = self.stages[index]
