"""Conformance of chariot-sim with Jamf's official Python SDK (jamf-pro-sdk).

Each test logs in with the SDK's own credential providers and calls SDK methods only, so
any divergence in paths, field names, types or paging shows up as an SDK error.
"""
import os
import time
from urllib.parse import urlparse

import pytest
from jamf_pro_sdk import JamfProClient, SessionConfig
from jamf_pro_sdk.clients.auth import ApiClientCredentialsProvider, UserCredentialsProvider
from jamf_pro_sdk.clients.pro_api.pagination import FilterField, SortField
from jamf_pro_sdk.models.pro.mdm import (
    DeviceLocationCommand,
    EnableLostModeCommand,
    LogOutUserCommand,
    RestartDeviceCommand,
)

from jamf_pro_sdk.models.pro.api_options import get_mobile_device_inventory_v2_allowed_sections as ALL_SECTIONS

URL = urlparse(os.environ["SIM_URL"])


def client(credentials):
    return JamfProClient(
        server=URL.hostname,
        port=URL.port,
        credentials=credentials,
        session_config=SessionConfig(scheme="http", timeout=30),
    )


@pytest.fixture(params=["user", "api-client"])
def jamf(request):
    if request.param == "user":
        creds = UserCredentialsProvider(os.environ["SIM_USER"], os.environ["SIM_PASSWORD"])
    else:
        creds = ApiClientCredentialsProvider(os.environ["SIM_CLIENT_ID"], os.environ["SIM_CLIENT_SECRET"])
    return client(creds)


def test_full_inventory_all_sections_across_pages(jamf):
    # The SDK's "ALL" shortcut drops GENERAL (it slices the list from index 1), so name them.
    devices = jamf.pro_api.get_mobile_device_inventory_v2(sections=list(ALL_SECTIONS), page_size=7)
    assert len(devices) == 38
    ids = [d.mobileDeviceId for d in devices]
    assert len(set(ids)) == len(ids), "no duplicates across pages"
    for d in devices:
        assert d.general.displayName
        assert 0 <= d.hardware.batteryLevel <= 100
        assert d.hardware.capacityMb > d.hardware.availableSpaceMb > 0
        assert d.general.lastInventoryUpdateDate is not None
        assert d.security.lostModeEnabled in (True, False)
        if d.general.model_extra.get("sharedIpad"):
            assert 0 < len(d.sharedUsers) <= 10
    names = [d.general.displayName for d in devices]
    assert sum("-Prof " in n for n in names) == 8


def test_filter_and_sort(jamf):
    shared = jamf.pro_api.get_mobile_device_inventory_v2(
        sections=["GENERAL", "HARDWARE"],
        filter_expression=FilterField("sharedIpad").eq("true") & FilterField("batteryLevel").gte(0),
        sort_expression=SortField("batteryLevel").desc(),
        page_size=10,
    )
    assert len(shared) == 30
    levels = [d.hardware.batteryLevel for d in shared]
    assert levels == sorted(levels, reverse=True)
    profs = jamf.pro_api.get_mobile_device_inventory_v2(
        filter_expression=FilterField("displayName").eq('"*Prof*"'),
    )
    assert len(profs) == 8


def test_send_and_read_back_commands(jamf):
    devices = jamf.pro_api.get_mobile_device_inventory_v2(sections=["GENERAL", "SECURITY"], page_size=100)
    shared = [d for d in devices if d.general.model_extra.get("sharedIpad")]
    target = shared[0].general.model_extra["managementId"]
    others = [d.general.model_extra["managementId"] for d in devices[:3]]
    cmds = [
        (EnableLostModeCommand(lostModeMessage="Merci de rapporter cet iPad", lostModePhone="0561000000", lostModeFootnote="Collège"), [target]),
        (DeviceLocationCommand(), [target]),
        (LogOutUserCommand(), others),
        (RestartDeviceCommand(rebuildKernelCache=None, kextPaths=None, notifyUser=None), others),
    ]
    uuids = []
    for command, targets in cmds:
        sent = jamf.pro_api.send_mdm_command_v2(targets, command)
        assert len(sent) == len(targets)
        uuids.extend(s.id for s in sent)
    statuses = jamf.pro_api.get_mdm_commands_v2(filter_expression=FilterField("uuid").is_in(uuids))
    assert {str(s.uuid) for s in statuses} == set(uuids)
    for s in statuses:
        assert s.commandState.value in ("PENDING", "ACKNOWLEDGED", "NOT_NOW", "ERROR")
        assert s.client.clientType.value == "MOBILE_DEVICE"
    by_device = jamf.pro_api.get_mdm_commands_v2(
        filter_expression=FilterField("clientManagementId").eq(target),
        sort_expression=SortField("dateSent").asc(),
    )
    assert len(by_device) >= 2


def test_classic_api_with_the_same_token(jamf):
    resp = jamf.classic_api_request("get", "mobiledevices")
    assert resp.status_code == 200
    assert len(resp.json()["mobile_devices"]) == 38
    first = resp.json()["mobile_devices"][0]["id"]
    sec = jamf.classic_api_request("get", f"mobiledevices/id/{first}/subset/General&Security").json()
    assert "lost_mode_enabled" in sec["mobile_device"]["security"]
