# simd.py: start rds-simd for a test and talk to its control API.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs with Debian's /usr/bin/python3, whose botocore is the AWS CLI's.

import json
import os
import shutil
import signal
import subprocess
import tempfile
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = "AKIDCONFORMANCE"
SECRET_KEY = "conformance/secret+key"
REGION = "us-east-1"


def simd_path():
    path = os.environ.get("RDS_SIMD")
    if not path:
        raise SystemExit("RDS_SIMD must name the rds-simd program")
    return path


class Simd:
    """One rds-simd process on a free loopback port and its own state."""

    def __init__(self, state_dir=None, paused=True, rate=None, seed="7"):
        self.own_dir = state_dir is None
        self.state_dir = state_dir or tempfile.mkdtemp(prefix="rds-conformance-")
        self.paused = paused
        self.rate = rate
        self.seed = seed
        self.process = None
        self.url = None
        self.start()

    def start(self):
        argv = [simd_path(), "--listen", "127.0.0.1:0", "--state-dir", self.state_dir,
                "--seed", self.seed, "--start-time", "2026-01-05T00:00:00Z",
                "--access-key-id", ACCESS_KEY, "--secret-access-key", SECRET_KEY]
        if self.paused:
            argv.append("--paused")
        if self.rate:
            argv += ["--rate", str(self.rate)]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        line = self.process.stdout.readline()
        if "listening on " not in line:
            raise RuntimeError("rds-simd did not start: %r %s" % (line, self.process.stderr.read()))
        self.url = line.split("listening on ", 1)[1].strip()

    def kill(self):
        """kill -9: no chance to save anything."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        err = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        return code, err

    def close(self):
        if self.process and self.process.poll() is None:
            self.stop()
        if self.own_dir:
            shutil.rmtree(self.state_dir, ignore_errors=True)

    # The control API, signed like every request.
    def control(self, method, path, body=None, region=REGION):
        data = json.dumps(body).encode() if body is not None else None
        request = AWSRequest(method=method, url=self.url + "/_sim/" + path, data=data,
                             headers={"Content-Type": "application/json"} if data else {})
        SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "rds", region).add_auth(request)
        prepared = request.prepare()
        http = urllib.request.Request(prepared.url, data=data, method=method,
                                      headers=dict(prepared.headers))
        with urllib.request.urlopen(http, timeout=60) as answer:
            return json.loads(answer.read())

    def advance(self, seconds):
        return self.control("POST", "clock/advance", {"seconds": seconds})

    def instance(self, identifier, region=REGION):
        return self.control("POST", "instance", {"instance": identifier}, region)

    def zone(self, zone, down, region=REGION):
        return self.control("POST", "faults", {"zone": zone, "down": down}, region)

    def fail(self, identifier, what, region=REGION):
        """An instance's host or storage ("host", "storage") fails."""
        return self.control("POST", "faults", {"instance": identifier, "fail": what}, region)

    def cluster(self, identifier, region=REGION):
        return self.control("POST", "cluster", {"cluster": identifier}, region)

    def lose_copy(self, cluster, copy, group=None, region=REGION):
        body = {"cluster": cluster, "copy": copy}
        if group is not None:
            body["group"] = group
        return self.control("POST", "faults", body, region)

    def set_quotas(self, **quotas):
        return self.control("POST", "quotas", quotas)


def aws_environment(simd):
    """An environment where Debian's aws uses only the simulator."""
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("AWS_"):
            del env[name]
    env.update({
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_PAGER": "",
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_RETRY_MODE": "standard",
        "AWS_MAX_ATTEMPTS": "1",
    })
    return env
