"""What each command does, as plain functions over an AppContext, one module per area.

cli.py parses arguments and calls exactly one of these; they return data (or drive
a flow through the prompter) and never parse arguments.
"""

from __future__ import annotations

from openness.commands.guided_flows import (  # noqa: F401
    guided,
)
from openness.commands.exercises import (  # noqa: F401
    exercise_summary,
    exercises_list,
    exercise_detail,
    exercise_template,
)
from openness.commands.safety import (  # noqa: F401
    crisis_panel,
    crisis_context,
    own_lines,
    crisis_add,
    crisis_remove,
    safety_after_entry,
    safety_plan_build,
    safety_plan_latest,
)
from openness.commands.config import (  # noqa: F401
    config_show,
    config_set,
)
from openness.commands.journal import (  # noqa: F401
    journal_list,
    journal_labels,
    journal_show,
    journal_search,
    journal_add,
    journal_edit,
    journal_delete,
    journal_wipe,
    journal_export,
    journal_import,
    journal_encrypt,
    journal_decrypt,
    journal_passphrase,
    journal_open_add,
    journal_status,
)
from openness.commands.reviews import (  # noqa: F401
    review,
    review_report,
)
