import base64
import binascii
import datetime
import re
from collections.abc import Mapping

from odoo import api
from odoo import models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools.mail import html_to_inner_content
from odoo.tools.misc import format_date

# Characters a text may hold, by field type: a name or a phone on one line, a note of a few
# pages, a rich text of many pages (counted as its text, not its markup).
TEXT_LIMITS = {"char": 256, "text": 10_000, "html": 50_000}
# Markup around the text: generous (tables, lists, links), but a pasted page of empty tags or
# inline styles does not fill the database either.
HTML_MARKUP_FACTOR = 10
# No person, meeting or follow-up of this method lies outside these years: year 1 or 9999 is
# a typing error, not a date.
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)
# PostgreSQL's integer: ids and whole numbers beyond it fail in the database, not here.
INT_MAX = 2**31 - 1
BIGINT_MAX = 2**63 - 1  # a search's limit and offset
TEXT_TYPES = ("char", "text", "html")
# Characters no text can hold: PostgreSQL refuses the NUL byte ("A string literal cannot
# contain NUL"), and a lone surrogate (half of a UTF-16 pair, as JSON's "\\ud800" gives) is
# no character at all, so neither the database nor a response can encode it.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable(value, depth=0):
    """Whether a value - a text, or texts in lists, dicts (keys too) and domains, as a
    request or a call sends them - holds a character no text can hold."""
    if depth > 50:  # deeper than any form or call: refused too, never a recursion error
        return True
    if isinstance(value, str):
        return bool(UNSTORABLE.search(value))
    if isinstance(value, Mapping):
        return any(unstorable(k, depth + 1) or unstorable(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(unstorable(item, depth + 1) for item in value)
    if isinstance(value, Domain):
        return any(
            unstorable(condition.field_expr, depth + 1) or unstorable(condition.value, depth + 1)
            for condition in value.iter_conditions()
        )
    return False


class AktiveInputGuard(models.AbstractModel):
    """Bad input stops at the model with a clear, translated message: texts within a size
    that fits their use, dates within a plausible range. Every model of the addon inherits
    it, so a new field is guarded without more code.

    A model gives a field another limit with `_input_limits = {"name": 200}` (characters of
    text, for Char, Text and Html)."""

    _name = "aktive.input.guard"
    _description = "Aktive Sammen: input limits"

    _input_limits = {}

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_vals_list(vals_list)
        for vals in vals_list:
            self._check_input_types(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_types(vals)
        return super().write(vals)

    def _check_input_vals_list(self, vals_list):
        """create() takes the values of a record (a dict) or a list of them; a text or a list
        of texts, as a script may send, would fail deep in the ORM (a str has no items)."""
        if isinstance(vals_list, (list, tuple)) and all(isinstance(v, dict) for v in vals_list):
            return
        raise ValidationError(
            self.env._(
                "%(model)s: %(value)s are not the values of a record.",
                model=self._description,
                value=repr(vals_list)[:80],
            )
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        """A search for a text no record can hold (a NUL byte, a broken character) is
        refused with a message: the database would fail on it."""
        if unstorable(Domain(domain)) or unstorable(order):
            raise ValidationError(self._input_unstorable_message())
        for number in (offset, limit):
            if number is None or (isinstance(number, int) and 0 <= number <= BIGINT_MAX):
                continue
            raise ValidationError(
                self.env._(
                    "The limit and the offset of a search are whole numbers, not %(value)s.",
                    value=repr(number)[:40],
                )
            )
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    def _input_unstorable_message(self, field=None):
        if field is None:
            return self.env._(
                "The search holds a character that cannot be stored: a NUL byte or a broken "
                "character. Remove it and try again."
            )
        return self.env._(
            "%(field)s holds a character that cannot be stored: a NUL byte or a broken "
            "character. Remove it and try again.",
            field=field._description_string(self.env),
        )

    def _check_input_types(self, vals):
        """Values of the wrong type, as a script or a JSON-RPC call may send them: refused
        with the field's name, where the ORM would crash (a date "abc", an id beyond the
        database's integers), or quietly store something else (a list as a name, "no" as
        yes, a text as an empty link). Texts are measured here too, before anything is
        written: a 3 MB name fails in the database's index before any check after the write
        could run."""
        if not isinstance(vals, dict):
            self._check_input_vals_list([vals])
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    self.env._(
                        "%(model)s has no field %(field)s.", model=self._description, field=name
                    )
                )
            if field.required and field.type in ("char", "text") and self._input_blank(value):
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be empty.", field=field._description_string(self.env)
                    )
                )
            if field.type in TEXT_TYPES and unstorable(value):
                raise ValidationError(self._input_unstorable_message(field))
            if value is None or value is False or not self._input_type_wrong(field, value):
                self._check_input_text_value(field, value)
                continue
            raise ValidationError(
                self.env._(
                    "%(field)s: %(value)s is not a valid value.",
                    field=field._description_string(self.env),
                    value=repr(value)[:80],
                )
            )

    def _check_input_text_value(self, field, value):
        """A text given for a field a user types (see _input_guarded_fields), measured
        before it is written."""
        if field.type not in TEXT_TYPES or not isinstance(value, str) or not value:
            return
        if any(self._input_guarded_fields([field.name])):
            self._check_input_text(field, value)

    def _input_type_wrong(self, field, value):
        kind = field.type
        if kind in TEXT_TYPES:
            if field.translate and isinstance(value, dict):
                return False  # values per language
            return not isinstance(value, (str, int, float)) or value is True
        if kind == "boolean":
            return not isinstance(value, int)  # bool is an int
        if kind == "integer":
            return isinstance(value, bool) or not (
                isinstance(value, (int, float)) and abs(value) <= INT_MAX
            )
        if kind == "many2one":
            if isinstance(value, models.BaseModel):
                return value._name != field.comodel_name or len(value) > 1
            return isinstance(value, bool) or not (isinstance(value, int) and 0 < value <= INT_MAX)
        if kind in ("one2many", "many2many"):
            if isinstance(value, models.BaseModel):  # the ORM takes records as they are
                return value._name != field.comodel_name
            return self._input_commands_wrong(value)
        if kind in ("binary", "image"):
            if isinstance(value, bytes):
                return False  # the content itself, as code writes it
            if not isinstance(value, str):
                return True
            try:  # base64, as the form sends it: anything else would be stored as a file
                base64.b64decode("".join(value.split()), validate=True)  # lines allowed
            except binascii.Error:
                return True
            return False
        if kind in ("date", "datetime", "float", "monetary", "selection"):
            try:
                field.convert_to_cache(value, self)
            except (ValueError, TypeError):
                return True
        return False

    @staticmethod
    def _input_blank(value):
        """A required text given as nothing: empty, or spaces only (the database would
        keep it, and a list would show an empty line)."""
        return value is False or value is None or (isinstance(value, str) and not value.strip())

    @staticmethod
    def _input_commands_wrong(value):
        """A to-many value is a list of commands (``Command``) or of ids; anything else, or
        an id beyond the database's integers, fails deep in the ORM or the database."""

        def bad_id(value):
            return isinstance(value, bool) or not (isinstance(value, int) and 0 < value <= INT_MAX)

        if not isinstance(value, (list, tuple)):
            return True
        for command in value:
            if isinstance(command, int) and not isinstance(command, bool):
                if bad_id(command):
                    return True
                continue
            if not isinstance(command, (list, tuple)) or not command:
                return True
            code, *args = command
            if code in (0, 1):  # create, update: (code, id, values)
                if len(args) != 2 or not isinstance(args[1], dict):
                    return True
                if code == 1 and bad_id(args[0]):
                    return True
            elif code in (2, 3, 4):  # delete, unlink, link: (code, id)
                if not args or bad_id(args[0]):
                    return True
            elif code == 6:  # set: (6, _, ids)
                ids = args[1] if len(args) == 2 else None
                if not isinstance(ids, (list, tuple)) or any(bad_id(i) for i in ids):
                    return True
            elif code != 5:  # clear
                return True
        return False

    def _validate_fields(self, field_names, excluded_names=()):
        """Odoo calls this after create and write with the fields just stored (then again
        with the inverse ones, the first ones excluded): check each field once."""
        field_names = list(field_names)  # may be an iterator: super() reads it again
        names = set(field_names) - set(excluded_names)
        if self and names:
            self._check_input_limits(names)
        return super()._validate_fields(field_names, excluded_names)

    def _input_guarded_fields(self, names):
        """What a user may type: stored or inverse fields of the guarded types. Values that
        code computes (readonly computed and related fields) are not input."""
        for name in names:
            field = self._fields.get(name)
            if not field or field.type not in ("char", "text", "html", "date", "datetime"):
                continue
            if field.compute and field.readonly:
                continue
            yield field

    def _check_input_limits(self, names):
        fields_ = list(self._input_guarded_fields(names))
        if not fields_:
            return
        # sudo: the values were just written by this user; fields with groups are checked
        # as well, whoever wrote them (the ORM's own constraints run as superuser too).
        for record in self.sudo():
            for field in fields_:
                value = record[field.name]
                if not value:
                    continue
                if field.type in ("date", "datetime"):
                    self._check_input_date(field, value)
                else:
                    self._check_input_text(field, value)

    def _input_limit(self, field):
        return self._input_limits.get(field.name) or TEXT_LIMITS[field.type]

    def _check_input_text(self, field, value):
        limit = self._input_limit(field)
        length = len(value)
        # Html: its text counts; markup far beyond the text limit is refused unmeasured.
        if field.type == "html" and length <= limit * HTML_MARKUP_FACTOR:
            length = len(html_to_inner_content(value))
        if length > limit:
            raise ValidationError(
                self.env._(
                    "%(field)s is too long: %(length)s characters, at most %(limit)s. "
                    "Shorten the text, or attach a longer document as a file.",
                    field=field._description_string(self.env),
                    length=length,
                    limit=limit,
                )
            )

    def _check_input_date(self, field, value):
        day = value.date() if isinstance(value, datetime.datetime) else value
        if DATE_MIN <= day <= DATE_MAX:
            return
        raise ValidationError(
            self.env._(
                "%(field)s: %(value)s is not a plausible date. Enter a date between "
                "%(min)s and %(max)s.",
                field=field._description_string(self.env),
                value=day.isoformat(),
                min=format_date(self.env, DATE_MIN),
                max=format_date(self.env, DATE_MAX),
            )
        )
