"""A small desktop notification server for the end-to-end tests.

It owns org.freedesktop.Notifications on the session bus it is given, writes
one JSON line per notification it is asked to show (to the file named on the
command line), and a moment later "clicks" it: it emits ActionInvoked with the
default action, as a person's click on the notification would.
"""

import json
import sys
import threading
import time

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"

log_path = sys.argv[1]
conn = open_dbus_connection(bus="SESSION")
conn.send_and_get_reply(message_bus.RequestName(NAME))
emitter = DBusAddress(PATH, interface=NAME)
lock = threading.Lock()
next_id = 0


def click_later(nid):
    time.sleep(1.0)
    with lock:
        conn.send(new_signal(emitter, "ActionInvoked", "us", (nid, "default")))


open(log_path + ".ready", "w").close()
while True:
    msg = conn.receive()
    if msg.header.message_type != MessageType.method_call:
        continue
    member = msg.header.fields.get(HeaderFields.member)
    if member == "Notify":
        app, _replaces, _icon, summary, body, actions, _hints, _timeout = msg.body
        next_id += 1
        with open(log_path, "a") as f:
            f.write(json.dumps({"id": next_id, "app": app, "summary": summary, "body": body, "actions": list(actions)}) + "\n")
        with lock:
            conn.send(new_method_return(msg, "u", (next_id,)))
        if "default" in actions:
            threading.Thread(target=click_later, args=(next_id,), daemon=True).start()
    elif member == "GetCapabilities":
        with lock:
            conn.send(new_method_return(msg, "as", (["actions", "body"],)))
    elif member == "GetServerInformation":
        with lock:
            conn.send(new_method_return(msg, "ssss", ("reps-test", "reps", "1", "1.2")))
    elif member == "CloseNotification":
        with lock:
            conn.send(new_method_return(msg))
    else:
        with lock:
            conn.send(new_method_return(msg))
