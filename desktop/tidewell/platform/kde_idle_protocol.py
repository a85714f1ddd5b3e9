"""KDE's ``org_kde_kwin_idle`` Wayland protocol (older KWin, sway up to 1.7), for pywayland.

pywayland ships ``ext_idle_notify_v1`` but not this one. Written in the shape
``pywayland-scanner`` gives, from ``idle.xml`` in plasma-wayland-protocols
(SPDX-FileCopyrightText: 2015 Martin Gräßlin; SPDX-License-Identifier: LGPL-2.1-or-later).
"""

# mypy: ignore-errors
from __future__ import annotations

from pywayland.protocol.wayland import WlSeat
from pywayland.protocol_core import Argument, ArgumentType, Global, Interface, Proxy, Resource


class OrgKdeKwinIdleTimeout(Interface):
    name = "org_kde_kwin_idle_timeout"
    version = 1


class OrgKdeKwinIdle(Interface):
    name = "org_kde_kwin_idle"
    version = 1


class OrgKdeKwinIdleTimeoutProxy(Proxy[OrgKdeKwinIdleTimeout]):
    interface = OrgKdeKwinIdleTimeout

    @OrgKdeKwinIdleTimeout.request()
    def release(self) -> None:
        self._marshal(0)
        self._destroy()

    @OrgKdeKwinIdleTimeout.request()
    def simulate_user_activity(self) -> None:
        self._marshal(1)


class OrgKdeKwinIdleTimeoutResource(Resource[OrgKdeKwinIdleTimeout]):
    interface = OrgKdeKwinIdleTimeout

    @OrgKdeKwinIdleTimeout.event()
    def idle(self) -> None:
        self._post_event(0)

    @OrgKdeKwinIdleTimeout.event()
    def resumed(self) -> None:
        self._post_event(1)


class OrgKdeKwinIdleProxy(Proxy[OrgKdeKwinIdle]):
    interface = OrgKdeKwinIdle

    @OrgKdeKwinIdle.request(
        Argument(ArgumentType.NewId, interface=OrgKdeKwinIdleTimeout),
        Argument(ArgumentType.Object, interface=WlSeat),
        Argument(ArgumentType.Uint),
    )
    def get_idle_timeout(self, seat, timeout: int) -> OrgKdeKwinIdleTimeoutProxy:
        return self._marshal_constructor(0, OrgKdeKwinIdleTimeout, seat, timeout)


class OrgKdeKwinIdleResource(Resource[OrgKdeKwinIdle]):
    interface = OrgKdeKwinIdle


class OrgKdeKwinIdleTimeoutGlobal(Global[OrgKdeKwinIdleTimeout]):
    interface = OrgKdeKwinIdleTimeout


class OrgKdeKwinIdleGlobal(Global[OrgKdeKwinIdle]):
    interface = OrgKdeKwinIdle


OrgKdeKwinIdleTimeout._gen_c()
OrgKdeKwinIdleTimeout.proxy_class = OrgKdeKwinIdleTimeoutProxy
OrgKdeKwinIdleTimeout.resource_class = OrgKdeKwinIdleTimeoutResource
OrgKdeKwinIdleTimeout.global_class = OrgKdeKwinIdleTimeoutGlobal
OrgKdeKwinIdle._gen_c()
OrgKdeKwinIdle.proxy_class = OrgKdeKwinIdleProxy
OrgKdeKwinIdle.resource_class = OrgKdeKwinIdleResource
OrgKdeKwinIdle.global_class = OrgKdeKwinIdleGlobal
