"""Tiny but real POP3 (RFC 1939) and IMAP4rev1 (RFC 3501 subset) servers on loopback.

They speak just enough of each protocol for Python's poplib and imaplib
clients, so the bounce reader's real client code runs against a socket.
"""

from __future__ import annotations

import re
import socketserver
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

USER, PASSWORD = "rebonds", "p@ss word"


@dataclass
class StoredMessage:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


class Store:
    def __init__(self, messages: list[bytes]):
        self.messages = [StoredMessage(uid=n + 1, raw=raw) for n, raw in enumerate(messages)]
        self.lock = threading.Lock()

    def unseen(self) -> list[StoredMessage]:
        return [m for m in self.messages if "\\Seen" not in m.flags]


class Handler(socketserver.StreamRequestHandler):
    store: Store

    def send(self, line: bytes | str) -> None:
        self.wfile.write((line.encode() if isinstance(line, str) else line) + b"\r\n")

    def lines(self):
        for raw in self.rfile:
            yield raw.rstrip(b"\r\n").decode()


class Pop3Handler(Handler):
    def handle(self):
        self.send("+OK demain test POP3 server ready")
        user, authed, deleted = None, False, set()
        for line in self.lines():
            verb, _, arg = line.partition(" ")
            verb = verb.upper()
            if verb == "USER":
                user = arg
                self.send("+OK")
            elif verb == "PASS":
                authed = (user, arg) == (USER, PASSWORD)
                self.send("+OK logged in" if authed else "-ERR [AUTH] invalid credentials")
            elif verb == "QUIT":
                with self.store.lock:
                    self.store.messages = [m for n, m in enumerate(self.store.messages, 1) if n not in deleted]
                self.send("+OK bye")
                return
            elif not authed:
                self.send("-ERR log in first")
            elif verb == "STAT":
                self.send(f"+OK {len(self.store.messages)} {sum(len(m.raw) for m in self.store.messages)}")
            elif verb == "RETR":
                self.retr(int(arg))
            elif verb == "DELE":
                deleted.add(int(arg))
                self.send("+OK deleted")
            else:
                self.send("-ERR unknown command")

    def retr(self, number: int) -> None:
        raw = self.store.messages[number - 1].raw
        self.send(f"+OK {len(raw)} octets")
        for line in raw.replace(b"\r\n", b"\n").split(b"\n"):
            self.send(b"." + line if line.startswith(b".") else line)
        self.send(".")


TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(\([^)]*\))|(\S+)')


def tokens(text: str) -> list[str]:
    """An IMAP command line split into words, quoted strings and parenthesised lists."""
    words = []
    for quoted, group, plain in TOKEN.findall(text):
        words.append(group or plain or quoted.replace('\\"', '"').replace("\\\\", "\\"))
    return words


class ImapHandler(Handler):
    def handle(self):
        self.send("* OK [CAPABILITY IMAP4rev1] demain test IMAP server ready")
        self.authed = False
        for line in self.lines():
            tag, *words = tokens(line)
            command = words[0].upper() if words else ""
            if command == "LOGOUT":
                self.send("* BYE")
                self.send(f"{tag} OK LOGOUT completed")
                return
            self.send(self.answer(tag, command, words[1:]))

    def answer(self, tag: str, command: str, args: list[str]) -> str:
        if command == "CAPABILITY":
            self.send("* CAPABILITY IMAP4rev1")
            return f"{tag} OK CAPABILITY completed"
        if command == "LOGIN":
            self.authed = args == [USER, PASSWORD]
            return f"{tag} OK LOGIN completed" if self.authed else f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials"
        if not self.authed:
            return f"{tag} NO log in first"
        if command == "SELECT":
            if args[0].upper() != "INBOX":
                return f"{tag} NO no such folder"
            self.send(f"* {len(self.store.messages)} EXISTS")
            self.send("* FLAGS (\\Seen \\Deleted)")
            return f"{tag} OK [READ-WRITE] SELECT completed"
        if command == "UID":
            return self.uid_command(tag, args[0].upper(), args[1:])
        if command == "EXPUNGE":
            with self.store.lock:
                for seq in reversed(range(len(self.store.messages))):
                    if "\\Deleted" in self.store.messages[seq].flags:
                        del self.store.messages[seq]
                        self.send(f"* {seq + 1} EXPUNGE")
            return f"{tag} OK EXPUNGE completed"
        return f"{tag} BAD unknown command"

    def uid_command(self, tag: str, command: str, args: list[str]) -> str:
        if command == "SEARCH" and [a.upper() for a in args] == ["UNSEEN"]:
            self.send("* SEARCH " + " ".join(str(m.uid) for m in self.store.unseen()))
            return f"{tag} OK SEARCH completed"
        found = [(seq, m) for seq, m in enumerate(self.store.messages, 1) if str(m.uid) == args[0]]
        if not found:
            return f"{tag} OK nothing"
        seq, message = found[0]
        if command == "FETCH" and args[1].upper() == "(BODY.PEEK[])":
            self.wfile.write(f"* {seq} FETCH (UID {message.uid} BODY[] {{{len(message.raw)}}}\r\n".encode())
            self.wfile.write(message.raw)
            self.send(")")
            return f"{tag} OK FETCH completed"
        if command == "STORE" and args[1].upper() == "+FLAGS":
            message.flags.update(args[2].strip("()").split())
            self.send(f"* {seq} FETCH (UID {message.uid} FLAGS ({' '.join(sorted(message.flags))}))")
            return f"{tag} OK STORE completed"
        return f"{tag} BAD unsupported UID command"


@contextmanager
def serve(handler_class: type[Handler], store: Store):
    """Run the server on a free loopback port; yield its port."""
    handler = type(handler_class.__name__, (handler_class,), {"store": store})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
