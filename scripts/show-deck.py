#!/usr/bin/python3
"""Connects to the office run.sh started, waits for the given document to open, and shows the
Due Regard deck through the product's own command (vnd.dueregard:ShowDeck)."""

import os
import sys
import time

import uno
from com.sun.star.connection import NoConnectException

pipe, document = sys.argv[1], os.path.abspath(sys.argv[2])
wanted = uno.systemPathToFileUrl(document)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
deadline = time.monotonic() + 60


def wait(what):
    if time.monotonic() > deadline:
        sys.exit(f"run.sh: {what} within 60 seconds; use Tools > Due Regard > Show Due Regard Sidebar")
    time.sleep(0.2)


ctx = None
while ctx is None:
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
    except NoConnectException:
        wait("LibreOffice did not start")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

# Find the sample's window by its URL: with no window manager, no window is "current".
frame = None
while frame is None:
    components = desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        component = components.nextElement()
        if hasattr(component, "getURL") and component.getURL() == wanted and component.getCurrentController():
            frame = component.getCurrentController().getFrame()
    if frame is None:
        wait("the sample did not open")
helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
