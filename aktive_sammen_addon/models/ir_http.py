from odoo import models
from odoo.exceptions import UserError
from odoo.http import request
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import NotFound

from .aktive_input_guard import unstorable

MODULE = "aktive_sammen_addon"
# Parameters by which Odoo's own routes name the model a request is about: call_kw and
# call_button (model), the chatter (thread_model), attachments and actions (res_model).
MODEL_PARAMS = ("model", "thread_model", "res_model")


class IrHttp(models.AbstractModel):
    """Requests that carry a character no text can hold - a NUL byte (``%00`` in an address,
    ``\\u0000`` in JSON) or a lone surrogate (``\\ud800``) - stop here with a 400 page or a
    JSON-RPC error that says so, instead of a 500 from the database ("A string literal cannot
    contain NUL") or from encoding the answer. For the addon's own routes and for calls on
    the addon's models; Odoo's other routes are Odoo's (README, known limits)."""

    _inherit = "ir.http"

    @classmethod
    def _dispatch(cls, endpoint):
        if cls._aktive_guarded(endpoint) and unstorable(request.params):
            message = request.env._(
                "The request holds a character that cannot be stored: a NUL byte or a broken "
                "character. Nothing was saved. Remove it and try again."
            )
            if endpoint.routing.get("type") == "http":
                raise BadRequest(message)
            raise UserError(message)
        cls._aktive_check_create_call()
        cls._aktive_check_record_ids()
        return super()._dispatch(endpoint)

    @classmethod
    def _aktive_check_record_ids(cls):
        """The records of a call (`args[0]` of every method that is not @api.model): ids,
        which Odoo hands to the database as they come - "abc" is a database error there."""
        params = request.params
        model, method, args = params.get("model"), params.get("method"), params.get("args")
        if not (cls._aktive_model(model) and isinstance(method, str) and args):
            return
        if not isinstance(args, list):
            return
        function = getattr(type(request.env[model]), method, None)
        if function is None or getattr(function, "_api_model", False):
            return
        ids = args[0]
        items = ids if isinstance(ids, (list, tuple)) else [ids]
        if all(isinstance(i, int) and not isinstance(i, bool) for i in items):
            return
        raise UserError(
            request.env._(
                "%(model)s: %(value)s are not the ids of records.",
                model=request.env[model]._description,
                value=repr(ids)[:80],
            )
        )

    @classmethod
    def _aktive_check_create_call(cls):
        """A JSON-RPC create on one of the addon's models with something else than the values
        of records ("abc", ["abc"]) fails in the first override that reads them, before the
        input guard's own create: checked here, for every model of the addon at once."""
        params = request.params
        if params.get("method") != "create" or not cls._aktive_model(params.get("model")):
            return
        Model = request.env[params["model"]]
        if Model._abstract:
            raise UserError(request.env._("%(model)s cannot be created.", model=Model._description))
        args = params.get("args") or []
        kwargs = params.get("kwargs") or {}
        vals_list = args[0] if args else kwargs.get("vals_list", [])
        if isinstance(vals_list, dict):
            vals_list = [vals_list]
        if isinstance(vals_list, (list, tuple)) and all(isinstance(v, dict) for v in vals_list):
            return
        raise UserError(
            request.env._(
                "%(model)s: %(value)s are not the values of a record.",
                model=Model._description,
                value=repr(vals_list)[:80],
            )
        )

    @classmethod
    def _aktive_guarded(cls, endpoint):
        """A route the addon defines or overrides, or a call naming one of its models."""
        controller = getattr(endpoint, "func", None)
        controller = getattr(controller, "__self__", None)
        name = getattr(endpoint, "__name__", None)
        if (
            controller is not None
            and name
            and any(
                name in klass.__dict__ and klass.__module__.startswith(f"odoo.addons.{MODULE}.")
                for klass in type(controller).__mro__
            )
        ):
            return True
        return any(cls._aktive_model(request.params.get(key)) for key in MODEL_PARAMS)

    @classmethod
    def _aktive_model(cls, model):
        """Whether `model` names a model the addon defines."""
        registry = request.env.registry
        return (
            isinstance(model, str)
            and model in registry
            and (registry[model]._original_module == MODULE)
        )

    @classmethod
    def _match(cls, path):
        """An id of more than 4300 digits (/my/aktive/person/111...) makes Python refuse the
        route's int conversion with a ValueError, a 500: no record has such an id."""
        try:
            return super()._match(path)
        except ValueError:
            raise NotFound() from None

    @classmethod
    def _serve_fallback(cls):
        """An address no route matches goes to Odoo's fallback, which looks it up as an
        attachment's URL in the database: with a NUL byte in it (/my/aktive/person/%00) that
        is a 500. No attachment has such an address: not found."""
        if unstorable(request.httprequest.path):
            return None
        return super()._serve_fallback()
