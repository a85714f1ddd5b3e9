"""Secrets (a calendar's private address) in the operating system's keyring, nowhere else.

``keyring`` is imported only when a secret is touched (it costs ~130 ms), every call runs
off the caller's thread with a timeout (a locked or hung keyring must not freeze the app),
and plaintext or "null" backends are refused: if no real keyring works, the secret is not
kept at all and ``unavailable()`` says why."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from tidewell.i18n import _

if TYPE_CHECKING:
    import concurrent.futures

log = logging.getLogger(__name__)
SERVICE = "tidewell"
TIMEOUT = 5.0
T = TypeVar("T")


class SecretError(Exception):
    """The keyring could not be used; the message is for the person (no secret in it)."""


class SecretStore:
    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self._backend: Any = None
        self._why: str | None = None
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None  # with the first call
        self._making = threading.Lock()

    def unavailable(self) -> str | None:
        """Why no safe keyring can be used here; None when one can."""
        try:
            self._ensure()
        except SecretError as err:
            return str(err)
        return None

    def set(self, key: str, secret: str) -> None:
        backend = self._ensure()
        self._call(lambda: backend.set_password(SERVICE, key, secret))

    def get(self, key: str) -> str | None:
        backend = self._ensure()
        found: str | None = self._call(lambda: backend.get_password(SERVICE, key))
        return found

    def delete(self, key: str) -> None:
        backend = self._ensure()

        def remove() -> None:
            import keyring.errors

            with contextlib.suppress(keyring.errors.PasswordDeleteError):  # already gone
                backend.delete_password(SERVICE, key)

        self._call(remove)

    def _ensure(self) -> Any:
        if self._backend is not None:
            return self._backend
        if self._why is not None:
            raise SecretError(self._why)
        try:
            self._backend = self._call(_safe_backend)
        except SecretError as err:
            self._why = str(err)
            raise
        return self._backend

    def _call(self, work: Callable[[], T]) -> T:
        import concurrent.futures  # not for an idle tray, which may never ask the keyring

        with self._making:
            if self._pool is None:
                self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="keyring")
        future = self._pool.submit(work)
        try:
            return future.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            raise SecretError(
                _("the password store did not answer within {seconds} s (is it locked?)").format(
                    seconds=round(self.timeout)
                )
            ) from None
        except SecretError:
            raise
        except Exception as err:  # keyring raises many kinds; none may carry the secret out
            log.warning("keyring call failed: %s", type(err).__name__)
            raise SecretError(
                _("the password store said no ({reason})").format(reason=type(err).__name__)
            ) from None


def _safe_backend() -> Any:
    import keyring.backend
    import keyring.core

    def recommended(backend: keyring.backend.KeyringBackend) -> bool:
        name = type(backend).__name__.lower()
        module = type(backend).__module__
        plaintext = "plaintext" in name or "keyrings.alt" in module or "null" in name
        try:
            return not plaintext and bool(keyring.core.recommended(backend))
        except Exception:
            return False

    try:
        every = list(keyring.backend.get_all_keyring())
    except Exception as err:
        raise SecretError(
            _("the password store could not start ({reason})").format(reason=type(err).__name__)
        ) from None
    candidates = sorted(
        (b for b in every if recommended(b)),
        key=lambda b: b.priority,
        reverse=True,
    )
    for backend in candidates:
        try:
            backend.get_password(SERVICE, "tidewell-probe")
        except Exception as err:
            log.info("keyring backend %s unusable: %s", type(backend).__name__, err)
            continue
        return backend
    raise SecretError(
        _("no password store is open on this computer (on Linux: GNOME Keyring or KWallet)")
    )
