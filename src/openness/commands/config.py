"""Settings: show and change."""

from __future__ import annotations

from typing import Any

from openness.context import AppContext


def config_show(ctx: AppContext) -> dict[str, Any]:
    s = ctx.settings
    return {
        "region": ctx.region,
        "region_setting": s.region,
        "language": ctx.lang,
        "language_setting": s.language,
        "journal": s.journal,
        "safety_check": s.safety_check,
        "bidi": getattr(ctx.console(), "openness_bidi", "logical"),
        "bidi_setting": s.bidi,
        "data_folder": str(ctx.paths.data),
        "settings_file": str(ctx.paths.settings),
    }


def config_set(ctx: AppContext, key: str, value: str) -> None:
    from openness.safety.resources import region_codes
    from openness.settings import with_value

    ctx.save_settings(with_value(ctx.settings, key, value, region_codes()))
