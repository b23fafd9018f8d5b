"""The SDK side of `cargo xtask bench`: Jamf's official Python SDK (jamf-pro-sdk) fetches the
same inventory pages Chariot's full sync fetches (same sections, same page size) from the
simulator, and prints one JSON line with the time it took.

Timed: sign-in (OAuth API client, as Chariot does) plus get_mobile_device_inventory_v2, which
pages with the SDK's own concurrency (SessionConfig.max_concurrency, 5 by default like
Chariot) and parses every record into the SDK's pydantic models. Not timed: starting Python
and importing the SDK (printed apart).
"""
import json
import os
import sys
import time
from urllib.parse import urlparse

started = time.perf_counter()
from jamf_pro_sdk import JamfProClient, SessionConfig  # noqa: E402
from jamf_pro_sdk.clients.auth import ApiClientCredentialsProvider  # noqa: E402
from jamf_pro_sdk.models.pro.api_options import (  # noqa: E402
    get_mobile_device_inventory_v2_allowed_sections as ALLOWED,
)

imported = time.perf_counter()
url = urlparse(os.environ["SIM_URL"])
# The SDK refuses sections outside its own list (0.9a1 has no GROUPS): ask for the others
# and say which were left out.
wanted = os.environ["SECTIONS"].split(",")
sections = [s for s in wanted if s in ALLOWED]
dropped = [s for s in wanted if s not in ALLOWED]
page_size = int(os.environ["PAGE_SIZE"])

t0 = time.perf_counter()
client = JamfProClient(
    server=url.hostname,
    port=url.port,
    credentials=ApiClientCredentialsProvider(os.environ["SIM_CLIENT_ID"], os.environ["SIM_CLIENT_SECRET"]),
    session_config=SessionConfig(scheme="http", timeout=120),
)
devices = client.pro_api.get_mobile_device_inventory_v2(sections=sections, page_size=page_size)
seconds = time.perf_counter() - t0
json.dump(
    {
        "seconds": seconds,
        "devices": len(devices),
        "import_seconds": imported - started,
        "dropped_sections": dropped,
    },
    sys.stdout,
)
print()
