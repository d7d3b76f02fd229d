"""Outbound Connector calls over one shared pool of kept-alive connections, as an msrest pipeline.

botbuilder's default pipeline sends each reply with `requests` in a thread pool and asks the
credentials for a token on every call. This pipeline keeps msrest's own policies (user agent,
response deserialisation, HTTP logging) and swaps two parts through msrest's public pipeline
API: a bearer-token policy that asks the botbuilder credentials for the Authorization header
(in a worker thread, because MSAL blocks) and reuses it for a short while, and a sender that
speaks HTTP/1.1 through `bot.wire`. Retries follow what msrest's default policy does under
urllib3 2: up to three retries with exponential back-off when the connection cannot be made,
and, for idempotent methods only (never a POST of a reply), on broken responses and on 408, 429
and 5xx other than 501/505.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any, AsyncIterator, Callable, Optional

import requests
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import ErrorResponseException
from msrest.exceptions import ClientRequestError
from msrest.pipeline import AsyncHTTPPolicy, AsyncHTTPSender, Request, Response
from msrest.universal_http.async_abc import AsyncClientResponse
from multidict import CIMultiDict

from .wire import ConnectFailed, Wire, WireError

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504} | set(range(506, 1000)))
IDEMPOTENT = frozenset({"DELETE", "GET", "HEAD", "OPTIONS", "PUT", "TRACE"})


@dataclass(frozen=True)
class RetryPolicy:
    """How often, and how patiently, to retry a failed Connector call (msrest's defaults)."""

    retries: int = 3
    backoff_factor: float = 0.8
    backoff_max: float = 90.0

    def delay(self, attempt: int, retry_after: Optional[str] = None) -> float:
        """Seconds to wait before retry number `attempt` (1-based); Retry-After wins when given."""
        if retry_after:
            try:
                return min(max(float(retry_after), 0.0), self.backoff_max)
            except ValueError:
                pass
        if attempt <= 1:
            return 0.0
        return min(self.backoff_factor * (2 ** (attempt - 1)), self.backoff_max)


class MsrestResponse(AsyncClientResponse):
    """An msrest response over a whole HTTP response (status, headers, body).

    It is its own `internal_response`: msrest's `HttpOperationError` keeps that as `.response`,
    so an error raised for a refused call carries the status, headers and body, as it does
    with msrest's requests-based sender. (A property, not an attribute pointing at itself: that
    would make every response a reference cycle for the garbage collector.)
    """

    def __init__(self, request, status: int, headers, reason: str | None, body: bytes):
        super().__init__(request, None)
        self.status_code = status
        self.headers = CIMultiDict(headers)
        self.reason = reason
        self._body = body

    @property
    def internal_response(self) -> "MsrestResponse":
        return self

    @internal_response.setter
    def internal_response(self, _value) -> None:
        pass  # msrest's __init__ sets it; this response is its own

    def body(self) -> bytes:
        return self._body

    def stream_download(self, chunk_size: Optional[int] = None,
                        callback: Optional[Callable] = None) -> AsyncIterator[bytes]:
        size = chunk_size or 10 * 1024
        body = self._body

        async def chunks():
            for start in range(0, len(body), size):
                chunk = body[start:start + size]
                if callback:
                    callback(chunk, self)
                yield chunk
        return chunks()


class WireSender(AsyncHTTPSender):
    """Send msrest requests over the shared connections (`bot.wire`), retrying like msrest does."""

    def __init__(self, wire: Callable[[], Wire], retry: RetryPolicy = RetryPolicy(), timeout: float = 30.0):
        self._wire = wire
        self._retry = retry
        self._timeout = timeout

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        return None

    def build_context(self) -> Any:
        return None

    async def send(self, request: Request, **kwargs) -> Response:
        http_request = request.http_request
        if http_request.files:
            raise ClientRequestError("multipart uploads are not supported by the Connector sender")
        response = await self.call(http_request.method, http_request.url, http_request.headers, http_request.data,
                                   http_request)
        return Response(request, response)

    async def call(self, method: str, url: str, headers, data, http_request=None) -> MsrestResponse:
        """Send once, then retry transient failures with back-off."""
        idempotent = method.upper() in IDEMPOTENT
        attempt = 0
        while True:
            try:
                sent = await self._wire().request(method, url, headers, data, timeout=self._timeout)
            except (WireError, asyncio.TimeoutError, OSError) as exc:
                attempt += 1
                retryable = (idempotent or isinstance(exc, ConnectFailed)) and not _refused(exc)
                if not retryable or attempt > self._retry.retries:
                    raise ClientRequestError(f"Connector call failed: {type(exc).__name__}") from exc
                await asyncio.sleep(self._retry.delay(attempt))
                continue
            if idempotent and sent.status in RETRY_STATUSES and attempt < self._retry.retries:
                attempt += 1
                await asyncio.sleep(self._retry.delay(attempt, sent.headers.get("Retry-After")))
                continue
            return MsrestResponse(http_request, sent.status, sent.headers, sent.reason, sent.body)


def _refused(exc: BaseException) -> bool:
    """A request the client refused to send (a bad URL or header): trying again cannot help."""
    return type(exc) is WireError


class BearerTokenPolicy(AsyncHTTPPolicy):
    """Put the credentials' Authorization header on each request.

    The header comes from the credentials' own `signed_session` (MSAL for app passwords and
    managed identities, which caches tokens and refreshes them before they expire). It runs in
    a worker thread so a token fetch never blocks the event loop, one fetch at a time, and the
    header is reused for `ttl` seconds: MSAL only hands out tokens with more than five minutes
    left, so a header younger than a minute is always still valid. A 401 drops it at once.
    """

    def __init__(self, credentials, ttl: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self._credentials = credentials
        self._ttl = ttl
        self._clock = clock
        self._header: Optional[str] = None
        self._until = float("-inf")
        self._lock = asyncio.Lock()

    async def send(self, request: Request, **kwargs) -> Response:
        header = await self.authorization()
        headers = request.http_request.headers
        if header:
            headers["Authorization"] = header
        else:
            headers.pop("Authorization", None)
        response = await self.next.send(request, **kwargs)
        if response.http_response.status_code == 401:
            self.rejected()
        return response

    def rejected(self) -> None:
        """The Connector refused the header (401): ask the credentials again next time."""
        self._until = float("-inf")

    async def authorization(self) -> Optional[str]:
        """The Authorization header value to send now (None when auth is disabled)."""
        if self._clock() < self._until:
            return self._header
        async with self._lock:
            if self._clock() >= self._until:
                self._header = await asyncio.to_thread(self._signed_header)
                self._until = self._clock() + self._ttl
            return self._header

    def _signed_header(self) -> Optional[str]:
        with requests.Session() as carrier:
            carrier.headers.pop("Authorization", None)
            self._credentials.signed_session(carrier)
            return carrier.headers.get("Authorization")


class DirectConversations(ConversationsOperations):
    """Conversation operations whose two reply calls go straight to the sender.

    `reply_to_activity` and `send_to_conversation` (every reply the bot sends) build the URL,
    headers and body exactly as msrest's operations do (the same serializer and URL builder),
    put on the same User-Agent and Authorization headers, and go through `WireSender.call`, so
    they are retried the same way; a response other than 200/201/202 raises the same
    `ErrorResponseException`, and the body is read into a `ResourceResponse` by the same
    deserializer. What they skip is msrest's request and pipeline objects and its policy chain
    (about a tenth of a policy answer's CPU, measured side by side). msrest's HTTP logger policy
    is skipped with them: it logs nothing unless `enable_http_logger` is set, which this bot
    never does. A call with custom headers, `raw=True` or per-call options, and every other
    operation, is msrest's own.
    """

    def __init__(self, client, config, serializer, deserializer, *, user_agent: str, bearer: BearerTokenPolicy,
                 sender: WireSender):
        super().__init__(client, config, serializer, deserializer)
        self._user_agent = user_agent
        self._bearer = bearer
        self._sender = sender

    async def reply_to_activity(self, conversation_id, activity_id, activity, *, custom_headers=None, raw=False,
                                **operation_config):
        if custom_headers or raw or operation_config:
            return await super().reply_to_activity(conversation_id, activity_id, activity,
                                                   custom_headers=custom_headers, raw=raw, **operation_config)
        url = self._client.format_url(self.reply_to_activity.metadata["url"],
                                      conversationId=self._serialize.url("conversation_id", conversation_id, "str"),
                                      activityId=self._serialize.url("activity_id", activity_id, "str"))
        return await self._post(url, {"x-ms-conversation-id": conversation_id}, activity)

    reply_to_activity.metadata = ConversationsOperations.reply_to_activity.metadata  # msrest's own code reads it

    async def send_to_conversation(self, conversation_id, activity, *, custom_headers=None, raw=False,
                                   **operation_config):
        if custom_headers or raw or operation_config:
            return await super().send_to_conversation(conversation_id, activity, custom_headers=custom_headers,
                                                      raw=raw, **operation_config)
        url = self._client.format_url(self.send_to_conversation.metadata["url"],
                                      conversationId=self._serialize.url("conversation_id", conversation_id, "str"))
        return await self._post(url, {}, activity)

    send_to_conversation.metadata = ConversationsOperations.send_to_conversation.metadata

    async def _post(self, url: str, extra: dict, activity):
        headers = {"Accept": "application/json", "Content-Type": "application/json; charset=utf-8", **extra,
                   "User-Agent": self._user_agent}
        authorization = await self._bearer.authorization()
        if authorization:
            headers["Authorization"] = authorization
        body = json.dumps(self._serialize.body(activity, "Activity"))  # as msrest's ClientRequest.add_content
        response = await self._sender.call("POST", url, headers, body)
        if response.status_code == 401:
            self._bearer.rejected()
        if response.status_code not in (200, 201, 202):
            raise ErrorResponseException(self._deserialize, response)
        return self._deserialize("ResourceResponse", response)
