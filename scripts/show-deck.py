#!/usr/bin/python3
"""Connects to the office run.sh started, waits for the sample to open, and shows the Due Regard
deck through the product's own command (vnd.dueregard:ShowDeck)."""

import sys
import time

import uno
from com.sun.star.connection import NoConnectException

pipe = sys.argv[1]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
deadline = time.monotonic() + 60
ctx = None
while ctx is None:
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
    except NoConnectException:
        if time.monotonic() > deadline:
            sys.exit("run.sh: LibreOffice did not start within 60 seconds")
        time.sleep(0.2)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
while desktop.getCurrentComponent() is None and time.monotonic() < deadline:
    time.sleep(0.2)
frame = desktop.getCurrentFrame()
helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
