// Generated from openapi.json by `pnpm --filter @replyline/client generate`; do not edit.
// A test fails when this file and the document disagree.
export interface paths {
    "/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start or resume the visitor’s conversation
         * @description Resumes the visitor’s unresolved conversation with its history, or returns the id and token of a new one that is stored with its first message (or an escalation); until then its history and events are empty and rating it answers 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The embedding website, when called from the chat iframe */
                        hostOrigin?: string;
                        identity?: components["schemas"]["Identity"];
                        /** @description Publishable key (pk_…) */
                        key: string;
                        language?: string;
                        visitorId: string;
                    };
                };
            };
            responses: {
                /** @description The conversation, its history and a visitor token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agent: components["schemas"]["Agent"];
                            botPaused: boolean;
                            /** Format: uuid */
                            conversationId: string;
                            /** @description The greeting for this signed-in customer’s type (new, returning or VIP by the orders their identity token signs), when the workspace wrote one; otherwise the widget shows the usual greeting. */
                            greeting?: string;
                            handoff: components["schemas"]["HandoffState"];
                            identified: boolean;
                            messages: components["schemas"]["Message"][];
                            resumed: boolean;
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            token: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Identity not valid or expired, or the tenant requires an identity and none was sent (`identity_required`) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Origin not allowed */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown publishable key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many conversations started from this address (per minute or hour) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a proposed action, or run one with values from a card (form, slot picker) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        proposalId: string;
                    } | {
                        action: string;
                        /** @default {} */
                        params?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description The resulting card, also stored as the assistant’s message */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            card: components["schemas"]["Card"];
                            /** Format: uuid */
                            messageId: string;
                            text: string;
                        };
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such proposal waiting in this conversation, or no such action */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited, as messages are */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The visitor ends the conversation (then asks for a rating) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EmptyRequest"];
                };
            };
            responses: {
                /** @description Ended (also when it had ended already) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Nothing to end: the conversation has no message yet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Talk to a human: opens a ticket (also before the first message) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        message: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Ticket created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticketNumber: number;
                        };
                    };
                };
                /** @description Invalid email or empty message */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many messages (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates: new messages (agent replies) and status changes
         * @description Server-Sent Events: `message` (a Message), `status` {status, botPaused, handoff, agent} and `typing` {by: "agent"} (a person in the inbox is typing: show it for a few seconds; sent at most every 2 s while they type); `: keep-alive` comments every 20 s. A few streams may be open at once per visitor (all API processes together); more answer 429.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The visitor token, for EventSource clients that cannot send a header */
                    token?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many event streams open for this visitor */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversation history, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: components["schemas"]["Message"][];
                        };
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a message; the answer streams back as Server-Sent Events
         * @description Events: `visitor_message` {id, createdAt}; `token` {text} (many); `cards` {cards: Card[]} (what the workspace’s actions showed: order status, slots, a form, a confirm request); `sources` {sources: Source[]}; `done` {messageId, escalationSuggested, reason, handledByHuman}; or `error` {code, message} instead of `done`. While a human agent has taken over, the stream is `visitor_message` then `done` with handledByHuman true.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Ask again about a message already stored (the id its `visitor_message` event gave) whose answer broke off: the message is not stored twice; its stored answer is sent if there is one, otherwise it is answered now. `text` is then ignored.
                         */
                        retryOf?: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description The answer stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Empty or invalid message */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The tenant’s plan has no AI replies left this month: offer the human form */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Message too long */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Rate limited (see retry-after): messages per visitor or signed user, IP or tenant; AI replies per IP (anonymous visitors), per signed user, or the anonymous visitors’ daily share of the plan’s replies; or too many answers streaming at once */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/messages/{messageId}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thumbs up (1), down (-1) or cleared (0) on one answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        value: 1 | -1 | 0;
                    };
                };
            };
            responses: {
                /** @description Saved */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid value */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such answer in this conversation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CSAT for the conversation (1–5) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        rating: number;
                    };
                };
            };
            responses: {
                /** @description Saved */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Rating outside 1–5 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Nothing to rate yet: the conversation has no message */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the visitor a copy of the conversation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TranscriptRequest"];
                };
            };
            responses: {
                /** @description Queued: the visitor’s messages and the answers they saw (never internal notes), under the workspace’s name; the team sees a line with the masked address */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TranscriptSent"];
                    };
                };
                /** @description Not an email address */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such conversation, or nothing in it to send yet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many copies: 3 an hour per conversation, 5 per visitor, 20 per address (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This server sends no email */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/typing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The visitor is typing: shown to the agent in the inbox, never stored */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EmptyRequest"];
                };
            };
            responses: {
                /** @description Passed on to the workspace’s inbox (at most one signal every 2 s per conversation; more are dropped, not refused) */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, invalid or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/email/inbound/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inbound-parse email webhook (Postmark JSON or SendGrid multipart, basic auth)
         * @description A received email as inbound-parse providers post it, with the configured password in basic auth: Postmark’s JSON (ToFull, CcFull, From, Subject, TextBody, MessageID, Attachments with base64 Content) or SendGrid’s multipart form (from, to, cc, subject, text, headers, envelope, attachment-info and the files attachment1…N). Threaded into the ticket its signed reply address names with its allowed attachments (the others named in a note); a delivery is threaded once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Threaded, a duplicate, or not for a ticket (status says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not a JSON or multipart email */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The post is larger than the attachment caps allow */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Inbound email is not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/email/inbound/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend inbound email webhook (for Resend only)
         * @description Resend’s `email.received` event, checked with its svix-id, svix-timestamp and svix-signature headers on the raw body (five minutes’ tolerance). The email is read from Resend and threaded into the ticket its signed reply address names; a delivery is threaded once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Threaded, a duplicate, or not for a ticket (status says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, forged, tampered or stale signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Inbound email is not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action the assistant may run, by name (secret values never shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Actions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionList"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an action (off until enabled, unless `enabled: true`)
         * @description Endpoints are called only over HTTPS and only at public addresses. Header values and a built-in’s secret settings are stored encrypted and never returned.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ActionInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Action"];
                    };
                };
                /** @description Invalid action: a bad name, URL template, header, parameter schema or setting (the message says which) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An action with this name exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action (secret values never shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Action"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such action in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace an action’s description (saved header values and secret settings are kept when left out) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ActionInput"];
                };
            };
            responses: {
                /** @description The action as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Action"];
                    };
                };
                /** @description Invalid action: a bad name, URL template, header, parameter schema or setting (the message says which) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such action in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Another action has this name */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete an action; the assistant stops offering it at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such action in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/actions/{id}/enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Turn an action on or off for the assistant */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ActionEnabledRequest"];
                };
            };
            responses: {
                /** @description The action as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Action"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such action in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversations, newest activity first, a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description Last activity at or after */
                    from?: string;
                    limit?: number;
                    status?: "open" | "escalated" | "resolved";
                    /** @description Last activity at or before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of conversations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConversationPage"];
                    };
                };
                /** @description Invalid filter or an expired cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation with every message, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The conversation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConversationDetail"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such conversation in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every document with its status, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Documents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentList"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One document with its status and progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such document in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a document with its passages and stored file */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such document in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/documents/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file (PDF, Word .docx, HTML, Markdown or plain text) as a document
         * @description The body is the file itself; its kind comes from `filename` (.pdf, .docx, .html, .md, .txt) and must match its bytes. The document is queued for processing; follow its `status` with GET /v1/manage/documents/{id}.
         */
        post: {
            parameters: {
                query: {
                    /** @description The file’s name, e.g. `returns.pdf`; its ending names the kind (.pdf, .docx, .html, .htm, .md, .markdown, .txt). */
                    filename: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "text/html": string;
                    "text/markdown": string;
                    "text/plain": string;
                };
            };
            responses: {
                /** @description Queued (or a duplicate of a document already there) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AddedDocument"];
                    };
                };
                /** @description Empty file, or text that is not UTF-8 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The plan’s help articles are used up */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The file is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A kind of file not taken, or bytes that are not what its name says */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/documents/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a text or Markdown document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddTextRequest"];
                };
            };
            responses: {
                /** @description Queued (or a duplicate of a document already there) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AddedDocument"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The plan’s help articles are used up */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/exports/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversations with their messages as JSON lines or CSV (at most 1,000) */
        get: {
            parameters: {
                query?: {
                    format?: "jsonl" | "csv";
                    /** @description Last activity at or after */
                    from?: string;
                    status?: "open" | "escalated" | "resolved";
                    /** @description Last activity at or before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One conversation per line (jsonl) or one message per row (csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                        "text/csv": string;
                    };
                };
                /** @description Invalid filter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/exports/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets as JSON lines or CSV (at most 5,000) */
        get: {
            parameters: {
                query?: {
                    format?: "jsonl" | "csv";
                    priority?: "low" | "normal" | "high" | "urgent";
                    status?: "open" | "pending" | "solved" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One ticket per line (jsonl) or per row (csv) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                        "text/csv": string;
                    };
                };
                /** @description Invalid filter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/faq/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace the FAQ entry your system knows by this id
         * @description Searchable at once. Sending the same entry again changes nothing (`outcome: unchanged`); a changed text replaces the entry (its `faqEntryId` changes).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Your system’s id of the entry (letters, digits, `. _ : -`). */
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FaqEntryRequest"];
                };
            };
            responses: {
                /** @description The entry as stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncedFaqEntry"];
                    };
                };
                /** @description Invalid request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The plan’s help articles are used up */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete the FAQ entry your system knows by this id */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Your system’s id of the entry (letters, digits, `. _ : -`). */
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No entry with this id in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets, newest first, a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: number;
                    limit?: number;
                    priority?: "low" | "normal" | "high" | "urgent";
                    status?: "open" | "pending" | "solved" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tickets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketPage"];
                    };
                };
                /** @description Invalid filter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The ticket */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such ticket in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/websites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every website source with its crawl status, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Website sources */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebsiteList"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a website (or its sitemap) as a knowledge source and start its first crawl
         * @description Same-site pages are crawled within the limits, obeying robots.txt and `noindex`; each page becomes a document. Follow the crawl with GET /v1/manage/websites/{id}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddWebsiteRequest"];
                };
            };
            responses: {
                /** @description Added; the first crawl is queued */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Website"];
                    };
                };
                /** @description Not a web address, or invalid limits or patterns */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/websites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One website source with its pages (failed and skipped first, with the reason) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The website source */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebsiteDetail"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such website source in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a website source; its pages leave the knowledge base */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Deleted"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such website source in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/manage/websites/{id}/recrawl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Crawl a website source again now (unchanged pages cost nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Queued"];
                    };
                };
                /** @description Missing, unknown or revoked secret key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This key may only read */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such website source in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests with this key (see retry-after) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhook endpoint (for Stripe only)
         * @description Checked with the Stripe-Signature header on the raw body. Handles checkout.session.completed, customer.subscription.created/updated/deleted, invoice.paid and invoice.payment_failed; each event is applied once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Received */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, forged, tampered or stale signature */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body over 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Billing is not configured */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Branding for the launcher (CORS, allowed websites only) */
        get: {
            parameters: {
                query?: {
                    /** @description Publishable key (pk_…) */
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The tenant’s public profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetProfile"];
                    };
                };
                /** @description The page’s origin is not on the allow-list */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown publishable key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Action: {
            description: string;
            enabled: boolean;
            http: {
                /** @description The configured headers; their values are stored encrypted and never returned. */
                headerNames: string[];
                /** @enum {string} */
                method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                responseFields: {
                    label: string;
                    /** @description A dotted path into the JSON answer, e.g. `order.status` */
                    path: string;
                }[];
                timeoutMs: number;
                urlTemplate: string;
            } | null;
            /** Format: uuid */
            id: string;
            /** @description `http` for your own endpoint, or a built-in integration */
            kind: string;
            /** @description The tool name, e.g. `order_status` */
            name: string;
            parameters: components["schemas"]["ActionParameters"];
            requiresIdentity: boolean;
            /** @description A built-in’s settings without its secret ones (those are never returned). */
            settings: {
                [key: string]: unknown;
            };
            sideEffects: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        ActionEnabledRequest: {
            enabled: boolean;
        };
        /** @description For `kind: http` give `http` (method, URL template with `{parameter}` places, headers, timeout, response fields); header values are write-only: left out on an update, the saved ones are kept. A built-in takes `settings` (its secret ones are write-only the same way). */
        ActionInput: {
            description: string;
            /** @default false */
            enabled: boolean;
            http?: {
                headers?: {
                    [key: string]: string;
                };
                /**
                 * @default GET
                 * @enum {string}
                 */
                method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                /** @default [] */
                responseFields: {
                    label: string;
                    path: string;
                }[];
                /** @default 5000 */
                timeoutMs: number;
                urlTemplate: string;
            };
            kind: string;
            name: string;
            /**
             * @default {
             *       "type": "object",
             *       "properties": {},
             *       "required": []
             *     }
             */
            parameters: {
                /** @default {} */
                properties?: {
                    [key: string]: {
                        description?: string;
                        enum?: string[];
                        /** @enum {string} */
                        type: "string" | "number" | "integer" | "boolean";
                    };
                };
                /** @default [] */
                required?: string[];
                /**
                 * @default object
                 * @enum {string}
                 */
                type?: "object";
            };
            requiresIdentity?: boolean;
            settings?: {
                [key: string]: unknown;
            };
            /** @default false */
            sideEffects: boolean;
        };
        ActionList: {
            actions: components["schemas"]["Action"][];
        };
        /** @description A flat JSON schema of the scalar parameters the assistant or the visitor supplies (at most 20). */
        ActionParameters: {
            properties?: {
                [key: string]: {
                    description?: string;
                    enum?: string[];
                    /** @enum {string} */
                    type: "string" | "number" | "integer" | "boolean";
                };
            };
            required?: string[];
            /** @enum {string} */
            type?: "object";
        };
        AddedDocument: {
            /** Format: uuid */
            documentId: string;
            /** @description The same content was already there; nothing new was stored. */
            duplicate: boolean;
            error: string | null;
            /** @enum {string} */
            status: "queued" | "processing" | "ready" | "failed";
        };
        AddTextRequest: {
            /**
             * @default markdown
             * @enum {string}
             */
            format: "text" | "markdown";
            text: string;
            title: string;
        };
        AddWebsiteRequest: {
            /** @default [] */
            exclude: string[];
            /**
             * @description Only pages whose path matches one of these (`*` wildcards)
             * @default []
             */
            include: string[];
            /** @default 5 */
            maxDepth: number;
            /** @default 200 */
            maxPages: number;
            /**
             * @default weekly
             * @enum {string}
             */
            schedule: "daily" | "weekly" | "manual";
            sitemapUrl?: string | null;
            /** @example https://shop.example */
            url: string;
        };
        /** @description The person answering. */
        Agent: {
            avatarUrl: string | null;
            name: string;
        } | null;
        Branding: {
            accentColor?: string;
            avatarUrl?: string;
            greeting: string;
            launcherText?: string;
            logoUrl?: string;
            /** @enum {string} */
            position: "bottom-right" | "bottom-left";
            primaryColor: string;
            suggestedQuestions: string[];
        };
        /** @description What an action showed: `order`, `result`, `quote`, `booking`, `slots`, `form`, `confirm`, `identify` or `error`, with that type’s fields; render unknown types by their `message`. */
        Card: {
            type: string;
        } & {
            [key: string]: unknown;
        };
        ConversationDetail: {
            conversation: components["schemas"]["ConversationSummary"];
            messages: components["schemas"]["TranscriptMessage"][];
        };
        ConversationPage: {
            conversations: components["schemas"]["ConversationSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last. */
            nextCursor: string | null;
        };
        ConversationSummary: {
            /** Format: date-time */
            createdAt: string;
            customerEmail: string | null;
            customerName: string | null;
            escalated: boolean;
            /** Format: uuid */
            id: string;
            language: string | null;
            /** Format: date-time */
            lastMessageAt: string;
            rating: number | null;
            /** @enum {string} */
            status: "open" | "escalated" | "resolved";
            visitorId: string;
        };
        Deleted: {
            /** @enum {boolean} */
            deleted: true;
        };
        Document: {
            chunkCount: number;
            error: string | null;
            /** Format: uuid */
            id: string;
            /** @description pdf, text, markdown, faq, or another source kind */
            kind: string;
            pagesDone: number;
            pagesTotal: number | null;
            sizeBytes: number;
            /** @enum {string} */
            status: "queued" | "processing" | "ready" | "failed";
            title: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DocumentList: {
            documents: components["schemas"]["Document"][];
        };
        EmptyRequest: Record<string, never>;
        Error: {
            error: {
                code: string;
                message: string;
                requestId: string;
            };
        };
        FaqEntryRequest: {
            answer: string;
            question: string;
        };
        /**
         * @description Who answers: the bot, nobody yet (a person was asked for; the bot is quiet), or a person.
         * @enum {string}
         */
        HandoffState: "bot" | "waiting" | "person";
        /** @description An identified visitor, refused with 401 when not valid (never downgraded to an anonymous chat). An identified conversation resumes only for the same signed identity, never for the visitor id alone. Preferred: `{ token }`, a JWT the host site’s server signs with HS256 and the tenant’s identity secret, with `sub` (user id) and/or `email`, optional `name` and `context` {plan, orderIds, cart, page}, and `iat` + `exp` at most 24 hours apart (401 `identity_expired` once expired, `identity_lifetime_too_long` past 24 hours). Older: the lowercase hex HMAC-SHA256 of `userId` (or of the lower-cased `email`) as `signature`; it signs the user only, so any name or context beside it is ignored. */
        Identity: {
            token: string;
        } | {
            context?: unknown;
            /** Format: email */
            email?: string;
            name?: unknown;
            signature: string;
            userId?: string;
        };
        ManagedTicket: {
            assigneeName: string | null;
            category: string | null;
            /** Format: uuid */
            conversationId: string | null;
            /** Format: date-time */
            createdAt: string;
            customerEmail: string | null;
            customerName: string | null;
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @enum {string} */
            status: "open" | "pending" | "solved" | "closed";
            subject: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Message: {
            authorAvatarUrl: string | null;
            /** @description The agent who wrote it, or who joined on a `joined` line; null otherwise. */
            authorName: string | null;
            /** @description The cards the workspace’s actions showed under this answer, as the `cards` event of the answer stream sent them; empty for most messages. A history shows them again. */
            cards: components["schemas"]["Card"][];
            /** @description Markdown; render safely (no raw HTML). */
            content: string;
            /** Format: date-time */
            createdAt: string;
            feedback: 1 | -1 | null;
            /**
             * @description On system lines: the hand-off change it announces (a person asked for, a person joined, back with the assistant, the conversation ended). Show it in the visitor’s language; `content` is the English text.
             * @enum {string|null}
             */
            handoff: "waiting" | "joined" | "bot_back" | "ended" | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "visitor" | "assistant" | "agent" | "system";
            sources: components["schemas"]["Source"][];
        };
        Queued: {
            /** @enum {boolean} */
            queued: true;
        };
        Source: {
            /** @description An FAQ entry's whole answer (Markdown). */
            answer?: string | null;
            documentId: string;
            heading: string | null;
            /**
             * @description How the source opens: a web page at its url, an FAQ entry in place (answer), a PDF or a document (Word, HTML, Markdown, text) in the viewer at url; sources stored before viewers existed have no link.
             * @enum {string}
             */
            kind?: "web" | "faq" | "pdf" | "document";
            /** @description The [n] marker used in the answer text. */
            n: number;
            page: number | null;
            title: string;
            /** @description A web page's address with a text fragment of the quoted sentence, or the viewer's signed link to a PDF page or a document at the quoted passage (valid for an hour, for this conversation only). */
            url?: string | null;
        };
        SyncedFaqEntry: {
            answer: string;
            externalId: string;
            /** Format: uuid */
            faqEntryId: string;
            /** @enum {string} */
            outcome: "created" | "updated" | "unchanged";
            question: string;
        };
        TicketDetail: {
            ticket: components["schemas"]["ManagedTicket"];
        };
        TicketPage: {
            /** @description Pass as `cursor` for the next page; null on the last. */
            nextCursor: number | null;
            tickets: components["schemas"]["ManagedTicket"][];
        };
        TranscriptMessage: {
            authorName: string | null;
            content: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            role: string;
        };
        TranscriptRequest: {
            /** Format: email */
            email: string;
            /** @description The visitor’s IANA time zone (`Europe/Oslo`), so the email shows their clock times; unknown zones fall back to UTC. */
            timeZone?: string;
        };
        TranscriptSent: {
            /** @description The address, masked: `a…@example.com` */
            sentTo: string;
        };
        Website: {
            /** Format: date-time */
            createdAt: string;
            error: string | null;
            excludePatterns: string[];
            /** Format: uuid */
            id: string;
            includePatterns: string[];
            /** Format: date-time */
            lastCrawledAt: string | null;
            maxDepth: number;
            maxPages: number;
            /** Format: date-time */
            nextCrawlAt: string | null;
            pagesChanged: number;
            pagesDone: number;
            pagesFailed: number;
            pagesFound: number;
            pagesIndexed: number;
            /** @enum {string} */
            schedule: "daily" | "weekly" | "manual";
            sitemapUrl: string | null;
            startUrl: string;
            /** @enum {string} */
            status: "queued" | "crawling" | "ready" | "failed";
        };
        WebsiteDetail: components["schemas"]["Website"] & {
            pages: {
                /** Format: uuid */
                documentId: string | null;
                error: string | null;
                httpStatus: number | null;
                /** Format: date-time */
                lastCrawledAt: string;
                /** @enum {string} */
                status: "indexed" | "skipped" | "failed";
                title: string | null;
                url: string;
            }[];
        };
        WebsiteList: {
            websites: components["schemas"]["Website"][];
        };
        WidgetProfile: {
            assistantName: string;
            branding: components["schemas"]["Branding"];
            language: string;
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
