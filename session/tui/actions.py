"""The actions of each screen, declared once (bảng thao tác).

From one table per screen come its key bindings (with the footer's labels), the command
palette's entries and the F1 help. Labels are message keys, translated when a screen is
made, so the language can change without reloading any module.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingsMap

from session.i18n import t

_KEY_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": "Space",
    "slash": "/",
    "plus": "+",
    "minus": "−",
    "equals_sign": "=",
    "delete": "Del",
    "backspace": "⌫",
}


def key_label(keys: str) -> str:
    """Keys as printed on the keyboard: "ctrl+n" -> "Ctrl+N", "slash" -> "/"."""
    labels = []
    for key in keys.split(","):
        key = key.strip()
        if not key:
            continue
        if len(key) == 1 and key.isupper():  # "U" is how a terminal sends Shift+U
            labels.append(f"Shift+{key}")
            continue
        parts = [_KEY_NAMES.get(p, p.upper() if len(p) == 1 else p.capitalize()) for p in key.split("+")]
        labels.append("+".join(parts))
    return " / ".join(dict.fromkeys(labels))


@dataclass(frozen=True)
class Act:
    """One action of a screen.

    *name*: the screen's ``action_<name>`` (with arguments: ``move_step(-1)``);
    *keys*: keys that work when no text field has the keyboard; *hot*: keys that work
    everywhere, even while typing (Ctrl keys); *label*: short name (footer, palette);
    *help*: the longer description (palette, F1; default: the label)."""

    name: str
    keys: str
    label: str
    help: str = ""
    hot: str = ""
    show: bool = False
    palette: bool = True

    @property
    def method(self) -> str:
        return self.name.partition("(")[0]

    def title(self) -> str:
        return t(self.label)

    def description(self) -> str:
        return t(self.help or self.label)

    def all_keys(self) -> str:
        return ",".join(k for k in (self.hot, self.keys) if k)


def bindings(actions: tuple[Act, ...]) -> BindingsMap:
    """The key bindings of *actions*, labelled in the current language. A letter works as
    a capital too (Caps Lock on, or Shift held), unless the capital means something of its
    own on the screen (U: redo)."""
    taken = {key.strip() for act in actions for key in act.all_keys().split(",")}
    made: list[Binding] = []
    for act in actions:
        if act.hot:
            made.append(Binding(act.hot, act.name, act.title(), show=act.show, priority=True))
        if act.keys:
            keys = [key.strip() for key in act.keys.split(",")]
            capitals = [k.upper() for k in keys if len(k) == 1 and k.islower() and k.upper() not in taken]
            made.append(Binding(",".join(keys + capitals), act.name, act.title(), show=act.show and not act.hot))
    return BindingsMap(made)


def translate(found: BindingsMap) -> None:
    """Label the bindings of a screen declared with message keys ("key.cancel") in the
    current language: a class's BINDINGS are made once, at import; their labels are
    chosen when a screen is made, so switching the language reloads nothing."""
    from dataclasses import replace

    for key, items in found.key_to_bindings.items():
        found.key_to_bindings[key] = [
            replace(b, description=t(b.description)) if b.description.startswith("key.") else b for b in items
        ]


def help_rows(actions: tuple[Act, ...]) -> list[tuple[str, str, bool]]:
    """(keys, "Label — description", works while typing) for F1, one row per action."""
    rows = []
    for act in actions:
        if not act.all_keys():
            continue
        label, description = act.title(), act.description()
        text = label if description == label else f"{label} — {description}"
        rows.append((key_label(act.all_keys()), text, bool(act.hot)))
    return rows


# --- the console (màn hình điều hành) ------------------------------------------------

# Not "hot": inside a text field Ctrl+Z and Ctrl+Y undo and redo the typing itself.
UNDO = Act("undo", "u,ctrl+z", "key.undo", "cmd.undo", show=True)
# A terminal sends Shift+U as "U".
REDO = Act("redo", "U,ctrl+y", "key.redo", "cmd.redo")
HELP = Act("help", "f1", "key.help", "cmd.help", show=True)
PALETTE = Act("command_palette", "", "key.palette", "cmd.palette", hot="ctrl+p", palette=False)

LIVE = (
    Act("next_step", "n", "key.next", "cmd.next", hot="ctrl+n", show=True),
    Act("prev_step", "b", "key.prev", "cmd.prev", hot="ctrl+b"),
    Act("jump", "g,enter", "key.jump", "cmd.jump"),
    Act("insert_step", "i", "key.insert", "cmd.insert"),
    Act("edit_step", "e", "key.edit", "cmd.edit"),
    Act("move_step(-1)", "shift+up", "key.move_up", "cmd.move_up"),
    Act("move_step(1)", "shift+down", "key.move_down", "cmd.move_down"),
    Act("skip_step", "s", "key.skip", "cmd.skip"),
    Act("recess", "p", "key.recess", "cmd.recess", hot="ctrl+r", show=True),
    UNDO,
    REDO,
    Act("notes", "w", "key.notes", "cmd.notes"),
    Act("phrase", "t", "key.phrase", "cmd.phrase", hot="ctrl+t"),
    Act("call_next", "c", "key.call_next", "cmd.call_next", show=True),
    Act("call_field", "v", "key.call_field", "cmd.call_field"),
    Act("finish_speech", "f", "key.finish", "cmd.finish"),
    Act("pause_speech", "space", "key.pause_speech", "cmd.pause_speech"),
    Act("answer", "a", "key.answer", "cmd.answer", show=True),
    Act("register", "r", "key.register", "cmd.register", show=True),
    Act("queue", "d", "key.queue", "cmd.queue", show=True),
    Act("ledger", "l", "key.ledger", "cmd.ledger"),
    Act("followup", "o", "key.followup", "cmd.followup"),
    Act("survey", "y", "key.survey", "cmd.survey"),
    Act("details", "m", "key.details", "cmd.details"),
    Act("prepare", "j", "key.prepare", "cmd.prepare"),
    Act("export", "x", "key.export", "cmd.export", show=True),
    Act("history", "h", "key.history", "cmd.history"),
    Act("close_meeting", "k", "key.close", "cmd.close"),
    HELP,
    PALETTE,
    Act("meetings", "escape", "key.meetings", "cmd.meetings"),
    Act("app.quit", "q", "key.quit", "cmd.quit"),
)

# --- the registration list (danh sách đăng ký) ------------------------------------------

# A letter means one thing on the console and the list, which the chair's assistant goes
# back and forth between: C, V and F call and end a speech on both. The list's own
# actions take letters that on the console only open a screen (M vắng mặt, L lọc, O nhóm,
# H thời hạn nói, T lên đầu, X xếp lại; Del for a withdrawal), so a hand used to the list
# never moves the meeting on the console (N, B, G, S, K act at once there), and one used
# to the console marks nobody by pressing the keys it answers or moves steps with.

QUEUE = (
    Act("search", "slash", "key.search", "cmd.search", show=True),
    Act("call_next", "c", "key.call_next", "cmd.call_next", show=True),
    Act("call_field", "v", "key.call_field", "cmd.call_field_selected", show=True),
    Act("call_this", "enter", "key.call_this", "cmd.call_this"),
    Act("finish_speech", "f", "key.finish", "cmd.finish"),
    Act("move('up')", "shift+up", "key.move_up", "cmd.queue_up"),
    Act("move('down')", "shift+down", "key.move_down", "cmd.queue_down"),
    Act("move('top')", "t", "key.top", "cmd.queue_top"),
    Act("absent", "m", "key.absent", "cmd.absent", show=True),
    Act("withdraw", "delete", "key.withdraw", "cmd.withdraw"),
    Act("requeue", "x", "key.requeue", "cmd.requeue"),
    Act("limit(30)", "plus,equals_sign", "key.more_time", "cmd.more_time"),
    Act("limit(-30)", "minus", "key.less_time", "cmd.less_time"),
    Act("edit_registration", "e", "key.edit_registration", "cmd.edit_registration", show=True),
    Act("filter", "l", "key.filter", "cmd.filter", show=True),
    Act("group", "o", "key.group", "cmd.group"),
    Act("register", "r", "key.register", "cmd.register", show=True),
    Act("import_list", "i", "key.import", "cmd.import", show=True),
    Act("limits", "h", "key.limits", "cmd.limits"),
    UNDO,
    REDO,
    HELP,
    PALETTE,
    Act("back", "escape", "key.back", "cmd.back", show=True),
)

#: The registration desk sees the list, the slip form, corrections and the import —
#: nothing that calls, reorders or marks speakers (the chair's assistant does that).
DESK = (
    Act("search", "slash", "key.search", "cmd.search", show=True),
    Act("register", "r", "key.register", "cmd.register", show=True),
    Act("edit_registration", "e,enter", "key.edit_registration", "cmd.edit_registration", show=True),
    Act("import_list", "i", "key.import", "cmd.import", show=True),
    Act("filter", "l", "key.filter", "cmd.filter", show=True),
    Act("group", "o", "key.group", "cmd.group"),
    UNDO,
    REDO,
    HELP,
    PALETTE,
    Act("back", "escape", "key.quit", "cmd.quit_desk", show=True),
)

# --- the petition ledger (sổ kiến nghị) ------------------------------------------------

# The answer and the conclusion first: what the ledger is opened for, on the key bar
# even at 80 columns.
LEDGER = (
    Act("record_answer", "a", "key.record_answer", "cmd.record_answer", show=True),
    Act("conclude", "k", "key.conclude", "cmd.conclude", show=True),
    Act("add_issue", "n", "key.add_issue", "issue.form.add", show=True),
    Act("edit_issue", "e", "key.edit_issue", "cmd.edit_issue"),
    Act("mark", "space", "key.mark", "cmd.mark", show=True),
    Act("merge", "m", "key.merge", "cmd.merge", show=True),
    Act("split", "s", "key.split", "cmd.split"),
    Act("followup", "o", "key.followup", "cmd.followup"),
    Act("history", "h", "key.history", "cmd.history"),
    UNDO,
    REDO,
    HELP,
    PALETTE,
    Act("back", "escape", "key.back", "cmd.back", show=True),
)

HISTORY = (
    HELP,
    PALETTE,
    Act("back", "escape", "key.back", "cmd.back", show=True),
)

# --- the meeting picker (danh sách hội nghị) and the work around the meeting ------------------

PICKER = (
    Act("open", "enter", "key.open", "cmd.open", show=True),
    Act("new", "n", "key.new", "cmd.new", show=True),
    Act("details", "e", "key.details", "cmd.details", show=True),
    Act("plans", "k", "key.plans", show=True),
    Act("due", "d", "key.due", show=True),
    Act("survey", "y", "key.survey", "cmd.survey", show=True),
    HELP,
    PALETTE,
    Act("app.quit", "q", "key.quit", "cmd.quit", show=True),
)

PLANS = (
    Act("new_plan", "n", "key.new_plan", show=True),
    Act("edit_plan", "e", "key.edit_plan", show=True),
    Act("new_meeting", "m", "key.new_meeting_in_plan", show=True),
    Act("duties", "v,enter", "key.plan_duties", show=True),
    HELP,
    PALETTE,
    Act("app.pop_screen", "escape", "key.back", "cmd.back", show=True),
)

DUTIES = (
    Act("done", "enter,space", "key.duty_done", show=True),
    Act("reopen", "r", "key.duty_reopen", show=True),
    Act("participants", "p", "key.participants", show=True),
    Act("prepared", "k", "key.prepared", show=True),
    UNDO,
    REDO,
    HELP,
    PALETTE,
    Act("app.pop_screen", "escape", "key.back", "cmd.back", show=True),
)

PARTICIPANTS = (
    Act("search", "slash", "key.door", show=True),
    Act("toggle_present", "space", "key.present", show=True),
    Act("add", "n", "key.add_participant", show=True),
    Act("edit", "e", "key.edit_issue"),
    Act("remove", "delete", "key.remove"),
    Act("import", "i", "key.import", show=True),
    UNDO,
    REDO,
    HELP,
    PALETTE,
    Act("back", "escape", "key.back", "cmd.back", show=True),
)

PREPARATION = (
    Act("assign", "enter", "key.assign_preparer", show=True),
    Act("add_issue", "n", "key.add_issue", "issue.form.add", show=True),
    Act("briefing", "x", "key.briefing", show=True),
    UNDO,
    REDO,
    HELP,
    PALETTE,
    Act("app.pop_screen", "escape", "key.back", "cmd.back", show=True),
)

FOLLOWUP_SCREEN = (
    Act("update", "enter,s", "key.status", show=True),
    Act("calendar", "c", "key.calendar", show=True),
    HELP,
    PALETTE,
    Act("app.pop_screen", "escape", "key.back", "cmd.back", show=True),
)

SURVEY = (
    Act("back", "backspace", "key.survey_back", show=True),
    Act("undo_ballot", "u,ctrl+z", "key.survey_undo", show=True),
    Act("totals", "t", "key.survey_totals", show=True),
    Act("print_ballot", "p", "key.survey_print", show=True),
    HELP,
    PALETTE,
    Act("close", "escape", "key.back", "cmd.back", show=True),
)

DISPLAY = (Act("app.quit", "q,escape", "key.quit", "cmd.quit", show=True),)
