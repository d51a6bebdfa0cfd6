"""A WebDAV server for the sync tests: wsgidav (from PyPI) serving a folder
on 127.0.0.1 with Basic sign-in, and CORS for a page's origin when asked.

    python3 tests/sync/webdav.py ROOT PORT USER PASSWORD [ORIGIN]

Prints "ready PORT" once it answers; stops on SIGTERM.
"""

import logging
import sys

from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp


def main():
    root, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    origin = sys.argv[5] if len(sys.argv) > 5 else None
    config = {
        "host": "127.0.0.1",
        "port": port,
        "provider_mapping": {"/dav": root},
        "simple_dc": {"user_mapping": {"*": {user: {"password": password}}}},
        "http_authenticator": {
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
        },
        "verbose": 1,
        "logging": {"enable": False},
        "property_manager": True,
        "lock_storage": True,
    }
    if origin:
        config["cors"] = {
            "allow_origin": origin,
            "allow_methods": ["PROPFIND", "MKCOL", "PUT", "GET", "DELETE", "MOVE", "OPTIONS"],
            "allow_headers": ["authorization", "depth", "content-type", "overwrite", "destination"],
            "allow_credentials": True,
        }
    logging.getLogger("wsgidav").setLevel(logging.ERROR)
    app = WsgiDAVApp(config)
    server = wsgi.Server(("127.0.0.1", port), app)
    server.prepare()
    print(f"ready {server.bind_addr[1]}", flush=True)
    try:
        server.serve()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
