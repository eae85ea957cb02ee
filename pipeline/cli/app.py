"""The ``pipeline`` command's shared parts: the typer app, consoles, and the
one place where errors become exit codes.

Each command lives in its own module of this package and registers itself on
``app`` with :func:`command`; a :class:`~pipeline.errors.ClaimexError` raised
by any of them becomes one ``error: ...`` line and its exit code.
"""
from __future__ import annotations

import contextlib
import copy
import functools
from typing import Callable, NoReturn

from typing import Optional

import click
import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import EXIT_CODES, ClaimexError
from .exiting import INTERRUPTED, exit_code

#: every command's --help ends with this (generated from errors.EXIT_CODES)
EXIT_HELP = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in sorted(EXIT_CODES.items())) + "."


def _unescape(formatter) -> None:
    # typer 0.19 escapes "[default: ...]" and "[required]" for rich's HTML export
    # even when rich markup is off: plain help showed a backslash before each "["
    formatter.buffer[:] = [part.replace("\\[", "[") for part in formatter.buffer]


#: options other than paths whose empty value would silently mean something else
#: (``--model ""`` ran the default model)
GIVEN_NAMES = ("model",)


@functools.cache
def _given(cls: type) -> type:
    """``cls`` (a click parameter type) refusing an empty value: ``--out "$OUT"`` with
    ``$OUT`` unset read ``""`` as the current folder (``Path("")`` is ``.``)."""
    class Given(cls):
        def convert(self, value, param, ctx):
            if isinstance(value, str) and not value.strip():
                default = isinstance(param, click.Option) and not param.required
                self.fail("is empty (an unset shell variable?); pass a value"
                          + (", or leave the option out for its default" if default else ""), param, ctx)
            return super().convert(value, param, ctx)
    Given.__name__ = Given.__qualname__ = cls.__name__
    return Given


class PlainHelpCommand(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param.type, click.Path) or param.name in GIVEN_NAMES:
                given = copy.copy(param.type)  # click.STRING is shared by every command
                given.__class__ = _given(type(param.type))
                param.type = given

    def format_help(self, ctx, formatter):
        super().format_help(ctx, formatter)
        _unescape(formatter)

    def parse_args(self, ctx, args):
        with _one_line(ctx):
            return super().parse_args(ctx, args)


class PlainHelpGroup(TyperGroup):
    def format_help(self, ctx, formatter):
        super().format_help(ctx, formatter)
        _unescape(formatter)

    # click's own errors (an unknown option or command, a value out of range, a missing
    # --format) printed a four-line Usage/Try/Error block; the README promises one line
    def make_context(self, *args, **kwargs):
        with _one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _one_line():
            return super().invoke(ctx)


class OneLineUsageError(click.UsageError):
    """A command-line error of click's, shown as one ``error: ...`` line (exit 2) that
    names the command's help instead of click's Usage/Try/Error block."""

    def show(self, file=None) -> None:
        where = self.ctx.command_path if self.ctx is not None else "pipeline"
        message = " ".join(self.message.split()).rstrip(".")
        sep = " " if message.endswith("?") else "; "  # "Did you mean '--out'?"
        console.print(f"[bold red]error:[/] {escaped(message)}{sep}see `{escaped(where)} -h`",
                      highlight=False, soft_wrap=True)


@contextlib.contextmanager
def _one_line(ctx=None):
    """Click's usage errors raised in the block as ``OneLineUsageError``s; ``ctx``: the
    command's context, for an error that carries none (`--workers` without a value)."""
    try:
        yield
    except click.exceptions.NoArgsIsHelpError:
        raise  # `pipeline` alone prints its help, as before
    except OneLineUsageError:
        raise
    except click.UsageError as exc:
        # the context of the command the error is about (`pipeline run`), for its help
        raise OneLineUsageError(exc.format_message(), exc.ctx or ctx) from None


app = typer.Typer(
    name="pipeline",
    cls=PlainHelpGroup,
    help="claimex: turn news articles into tables of who claimed what, about whom, of what kind, where.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    # a traceback must never print local variables (article text, paths)
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_HELP,
)
console = Console(stderr=True)
out_console = Console()


def _print_version(value: bool) -> None:
    if value:
        print(f"claimex {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Optional[bool] = typer.Option(None, "--version", "-V", callback=_print_version, is_eager=True,
                                           help="Print the claimex version and exit."),
) -> None:
    """claimex: turn news articles into tables of who claimed what, about whom, of what kind, where."""


def warn(message: str) -> None:
    """One ``warning:`` line on stderr."""
    console.print(f"[yellow]warning:[/] {escaped(message)}", highlight=False, soft_wrap=True)


def fail(code: int, message: str) -> NoReturn:
    """Print one ``error:`` line and exit with ``code``."""
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True, markup=True)
    raise typer.Exit(code)




def command(name: str, help: str) -> Callable:
    """``app.command(name)`` whose ``ClaimexError``s become one line and their exit code,
    and Ctrl-C one line and exit 130, SIGTERM 143 (typer itself would print an empty line)."""
    def wrap(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except ClaimexError as exc:
                fail(exc.exit_code, escaped(str(exc)))
            except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (``exiting.Terminated``)
                console.print(INTERRUPTED, highlight=False, markup=False)
                raise typer.Exit(exit_code(exc)) from None
        return app.command(name, help=f"{help}\n\n{EXIT_HELP}", cls=PlainHelpCommand)(run)
    return wrap


def escaped(text) -> str:
    """``text`` (a message, a path) as rich prints it with markup on: on one line
    (``printable``), its brackets escaped, so a folder called ``[draft]`` or ``x[/b]``
    prints as it is named."""
    from rich.markup import escape

    return escape(printable(str(text)))


def printable(text: str) -> str:
    """``text`` kept on one line: each character that is not printable (a newline in a
    file name, a terminal escape, a C1 or bidirectional control) shown as its escape."""
    return text if text.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
