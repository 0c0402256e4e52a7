# wire.py: raw, signed requests to rds-simd, for the tests that send what
# no well-behaved client would.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import http.client
import json
import urllib.parse
import xml.etree.ElementTree as ElementTree

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from simd import ACCESS_KEY, REGION, SECRET_KEY

FORM = "application/x-www-form-urlencoded; charset=utf-8"


def encode(params):
    """A form body from (name, value) pairs; values may be bytes."""
    parts = []
    for name, value in params:
        if isinstance(value, str):
            value = value.encode()
        parts.append(urllib.parse.quote(name, safe="") + "=" + urllib.parse.quote_from_bytes(value, safe=""))
    return "&".join(parts).encode()


def query_body(action, params=()):
    return encode([("Action", action), ("Version", "2014-10-31")] + list(params))


def sign(url, body, path="/", content_type=FORM, secret=SECRET_KEY, when=None, service="rds"):
    """The headers of a SigV4-signed POST of body."""
    request = AWSRequest(method="POST", url=url + path, data=body,
                         headers={"Content-Type": content_type})
    auth = SigV4Auth(Credentials(ACCESS_KEY, secret), service, REGION)
    if when is not None:
        # botocore reads the time through datetime.datetime.utcnow.
        real = datetime.datetime

        class Frozen(real):
            @classmethod
            def utcnow(cls):
                return when

        datetime.datetime = Frozen
        try:
            auth.add_auth(request)
        finally:
            datetime.datetime = real
    else:
        auth.add_auth(request)
    return {k: v for k, v in request.prepare().headers.items()}


def raw_request(url, body, path="/"):
    """The bytes of a signed POST, to send on a socket of one's own."""
    headers = sign(url, body, path=path)
    headers.setdefault("Content-Length", str(len(body)))
    head = "POST %s HTTP/1.1\r\nHost: %s\r\n" % (path, urllib.parse.urlsplit(url).netloc)
    head += "".join("%s: %s\r\n" % item for item in headers.items() if item[0].lower() != "host")
    return (head + "\r\n").encode() + body


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def xml(self):
        return ElementTree.fromstring(self.body)

    def code(self):
        node = self.xml().find(".//{*}Error/{*}Code")
        return node.text if node is not None else None

    def message(self):
        node = self.xml().find(".//{*}Error/{*}Message")
        return node.text if node is not None else None

    def json(self):
        return json.loads(self.body)


def send(url, body, headers, path="/", method="POST", timeout=30):
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Answer(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


def call(url, action, params=(), **kwargs):
    """A signed Query API call with raw parameters."""
    body = query_body(action, params)
    return send(url, body, sign(url, body, **kwargs))


def control(url, path, body_bytes):
    headers = sign(url, body_bytes, path="/_sim/" + path, content_type="application/json")
    return send(url, body_bytes, headers, path="/_sim/" + path)
