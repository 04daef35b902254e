/**
 * Generated from the runtime's OpenAPI document (runtime/src/http/openapi.ts) by openapi-typescript: do not edit.
 * Regenerate with `npm run api-types -w admin-ui`; tests/http/apiTypes.test.ts fails while this file is stale.
 * The UI names these shapes through `Schemas` in ./api.ts.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service catalogue */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version in force now, or at ?at=<date or instant> */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version with its period */
        get: operations["listServiceVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (of the session cookie or the Bearer token): the UI restores its session from it */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the signed-in user's applications' status changes are sent (each channel null when off) */
        get: operations["getNotificationSettings"];
        /** Sets the channels; the messages are written in the language of this request (kk, ru, en) */
        put: operations["putNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's saved inbox filters */
        get: operations["getSavedFilters"];
        /** Replaces the signed-in user's saved inbox filters (at most 20, names of 1 to 80 characters) */
        put: operations["putSavedFilters"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the token presented is revoked (every instance refuses it from now on) */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox: applications you may see, by due instant */
        get: operations["listApplications"];
        put?: never;
        /** Submit an application */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messages sent about an application, oldest first (its applicant and its officers) */
        get: operations["listApplicationNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Claim (your own id), assign to a colleague or release (null). Taking or releasing someone else's needs the head role or admin */
        put: operations["assignApplication"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/officers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The officers of a provider, for the inbox's "assign to" list */
        get: operations["listOfficers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The events of an application, in order */
        get: operations["listApplicationEvents"];
        put?: never;
        /** An officer or applicant action */
        post: operations["sendApplicationEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/events/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an event would do (the state, the documents it would issue), with the checks of the event; nothing is stored */
        post: operations["previewApplicationEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The officers' internal comments on an application, oldest first (never its applicant's to read) */
        get: operations["listApplicationComments"];
        put?: never;
        /** An internal comment of an officer of the provider (audited as application.comment) */
        post: operations["addApplicationComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document: HTML, or PDF with Accept: application/pdf (?lang=kk|ru) */
        get: operations["getApplicationDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public verification of an issued document by the number (and QR code) printed on it: type, date, issuer, the SHA-256 of its PDF; nothing personal */
        get: operations["verifyDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one application through a service without storing it */
        post: operations["simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working calendar of a year */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A due instant with its explanation */
        get: operations["computeDeadline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every service with its versions, and the problems found in the definitions */
        get: operations["listDefinitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The assembled definition of a service and the acts it cites */
        get: operations["getDefinition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The source files of a service, the shared fragments and the acts' texts it cites, for the workbench to compile in the browser */
        get: operations["getDefinitionFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which operative clauses of the acts the definition cites, explains, or leaves out */
        get: operations["getDefinitionCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The changes between two versions */
        get: operations["diffVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drafts of new versions, published ones included */
        get: operations["listDrafts"];
        put?: never;
        /** Draft a new version: the given one, or a copy of the version in force */
        post: operations["createDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One draft */
        get: operations["getDraft"];
        /** Replace the drafted version */
        put: operations["saveDraft"];
        post?: never;
        /** Discard the draft (its revisions stay in the store and the audit trail) */
        delete: operations["discardDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts/{draftId}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved revision of the draft, oldest first */
        get: operations["listDraftRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts/{draftId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A second analyst (not the author) approves this revision for publication */
        post: operations["approveDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts/{draftId}/scenarios/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Received as expected: the scenario's expectation becomes what the draft now produces */
        post: operations["acceptScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts/{draftId}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The draft's problems, the scenarios whose outcome it changes, the open applications it leaves */
        post: operations["checkDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/definitions/{id}/drafts/{draftId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft as a new version, from a date given or computed from the publication of the act */
        post: operations["publishDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/acts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The acts registry */
        get: operations["listActs"];
        put?: never;
        /** Register an act (an amending order before anyone edits a file) */
        post: operations["registerAct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/acts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One act */
        get: operations["getAct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Amend an entry (typically its publication date): the versions waiting for it take their dates */
        patch: operations["amendAct"];
        trace?: never;
    };
    "/admin/acts/{id}/clauses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An act's clauses with the seed text of each, to choose the one a legalRef cites */
        get: operations["getActClauses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working calendars and schedules, for the workbench to compute working time in the browser */
        get: operations["getCalendars"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first, a page at a time; an analyst sees definition and act events only */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook subscriptions (admins) */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a URL to application events (admins) */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deliveries of a subscription (admins) */
        get: operations["listWebhookDeliveries"];
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
        Text: {
            kk: string;
            ru: string;
            en?: string;
            /** @enum {string} */
            ruStatus?: "official" | "working-translation";
        };
        /** @enum {string} */
        Status: "registered" | "in-progress" | "suspended" | "approved" | "refused" | "withdrawn";
        LegalRef: {
            /** @description An act id of the acts registry (definitions/shared/acts) */
            act: string;
            article?: string;
            paragraph?: string;
            subparagraph?: string;
            part?: string;
            annex?: string;
            row?: string;
            step?: string;
            seed?: string;
            /** @description Lines of the seed text: one line, or the first and the last */
            lines?: [
                number
            ] | [
                number,
                number
            ];
            quote?: string;
            note?: string;
        };
        FieldError: {
            /** @description JSON Pointer into the request body, e.g. /data/applicant/iin */
            pointer: string;
            code: string;
            /** @description In the request's Accept-Language */
            message: string;
            /** @description The message in every language (kk, ru, en) */
            messages?: {
                [key: string]: string;
            };
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            code?: string;
            errors?: components["schemas"]["FieldError"][];
        };
        DefinitionProblem: {
            code: string;
            message: string;
            kind?: string;
            /** @enum {string} */
            severity?: "error" | "warning";
            /** @description JSON Pointer into the assembled definition */
            pointer?: string;
            file?: string;
            line?: number;
            column?: number;
            /** @description The values the message is made of */
            params?: {
                [key: string]: unknown;
            };
        };
        Identity: {
            /** @description Full name as in the identity document */
            fullName?: string;
            /** @description IIN of 12 digits (a person) */
            iin?: string;
            /** @description BIN of 12 digits (an entity the user represents) */
            bin?: string;
            phone?: string;
            email?: string;
        };
        User: {
            id: string;
            username: string;
            roles: ("applicant" | "officer" | "analyst" | "admin")[];
            displayName: string;
            identity?: components["schemas"]["Identity"];
        };
        Me: {
            id: string;
            username: string;
            roles: ("applicant" | "officer" | "analyst" | "admin")[];
            /** @description Provider-side roles: operator, specialist, head, commission… */
            actorRoles: string[];
            /** @description The providers an officer works for ("*": every one) */
            providers: string[];
            displayName: string;
            identity?: components["schemas"]["Identity"];
        };
        Session: {
            user: components["schemas"]["Me"];
        };
        Login: {
            token: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            expiresAt: string;
            user: components["schemas"]["User"];
        };
        VersionSummary: {
            id: string;
            effectiveFrom: string | null;
            effectiveTo: string | null;
            /** @description The period rests on a publication date not yet established */
            provisional: boolean;
            effectiveFromHow: string;
            effectiveToHow: string;
            producedBy?: string[];
            partial: string[];
            label: components["schemas"]["Text"] | null;
        };
        VersionList: {
            serviceId: string;
            items: components["schemas"]["VersionSummary"][];
            summary: string;
        };
        ServiceSummary: {
            id: string;
            name: components["schemas"]["Text"];
            kind: string;
            providers: {
                id: string;
                name: components["schemas"]["Text"];
            }[];
            channels: string[];
            versionInForce: string | null;
            versions: components["schemas"]["VersionSummary"][];
            fee: {
                [key: string]: unknown;
            } | null;
            /** @description The overall term (deadline "service") of the version in force; null without one */
            term: {
                /** @description The distinct durations of the cases of the overall term of the version in force, e.g. "1 workingDays"; empty when the act that sets it is not encoded */
                durations: string[];
                citation: components["schemas"]["LocalizedPair"];
            } | null;
        };
        ServiceList: {
            items: components["schemas"]["ServiceSummary"][];
        };
        Act: {
            type: string;
            title: components["schemas"]["Text"];
            number?: string;
            /** @description YYYY-MM-DD */
            date?: string;
            status: string;
            url?: string;
        };
        ServiceGround: {
            id: string;
            /** @enum {string} */
            kind: "refusal" | "return";
            text: components["schemas"]["Text"];
            legalRef: components["schemas"]["LegalRef"];
            /** @enum {string} */
            decidedBy: "rule" | "officer";
            findings: {
                key: string;
                value: unknown;
            }[];
        };
        MachineEvent: {
            name: components["schemas"]["Text"];
            roles: string[];
            /** @enum {string} */
            records?: "findings" | "external" | "none";
            legalRef?: components["schemas"]["LegalRef"];
            /** @description A JSON Schema of what the event records (x-label, x-enumLabels in kk, ru, en); checked when sent */
            data?: {
                [key: string]: unknown;
            };
        };
        EventPreview: {
            toState: string;
            status: components["schemas"]["Status"];
            stateName: components["schemas"]["Text"];
            documents: {
                id: string;
                title: string;
                /** @description The document as the citizen reads it */
                html: string;
            }[];
        };
        Comment: {
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            at: string;
            author: {
                id: string;
                displayName: string;
            };
            text: string;
        };
        CommentList: {
            items: components["schemas"]["Comment"][];
        };
        MachineState: {
            name: components["schemas"]["Text"];
            status: components["schemas"]["Status"];
            final?: boolean;
            legalRef?: components["schemas"]["LegalRef"];
        };
        ServiceVersion: {
            id: string;
            effectiveFrom: string | null;
            effectiveTo: string | null;
            /** @description The period rests on a publication date not yet established */
            provisional: boolean;
            effectiveFromHow: string;
            effectiveToHow: string;
            producedBy?: string[];
            partial: string[];
            label: components["schemas"]["Text"] | null;
            variants: {
                [key: string]: unknown;
            }[];
            /** @description The application form: a JSON Schema with x-label / x-description in kk, ru, en */
            form: {
                [key: string]: unknown;
            };
            refusalGrounds: components["schemas"]["ServiceGround"][];
            deadlines: {
                id: string;
                name: components["schemas"]["Text"];
                legalRef: components["schemas"]["LegalRef"];
            }[];
            documents: {
                id: string;
                title: components["schemas"]["Text"];
                kind: string;
                legalRef: components["schemas"]["LegalRef"];
                annexMissing: string | null;
            }[];
            machine: {
                initial: string;
                events?: {
                    [key: string]: components["schemas"]["MachineEvent"];
                };
                states: {
                    [key: string]: components["schemas"]["MachineState"];
                };
            };
            notEncoded: {
                [key: string]: unknown;
            }[];
        };
        Service: {
            id: string;
            /** @description The instant the version was chosen for: now, or ?at= (a date is the start of that day in the service's zone) */
            at: string;
            name: components["schemas"]["Text"];
            kind: string;
            providers: {
                id: string;
                name: components["schemas"]["Text"];
            }[];
            recipients: {
                [key: string]: unknown;
            }[];
            channels: {
                [key: string]: unknown;
            }[];
            serviceForm: {
                [key: string]: unknown;
            } | null;
            fee: {
                [key: string]: unknown;
            } | null;
            /** @description The working-time schedule of the providers */
            schedule: {
                [key: string]: unknown;
            };
            /** @description How an application is registered */
            registration: {
                [key: string]: unknown;
            };
            /** @description The acts the service rests on, each cited as the law writes it (kk, ru) */
            legalBasis: {
                legalRef: components["schemas"]["LegalRef"];
                citation: components["schemas"]["LocalizedPair"];
            }[];
            version: components["schemas"]["ServiceVersion"];
            /** @description The acts the definition cites, by act id */
            acts: {
                [key: string]: components["schemas"]["Act"];
            };
        };
        ApplicationDeadline: {
            id: string;
            dueAt: string | null;
            /** @enum {string} */
            status: "running" | "suspended" | "closed";
            /**
             * @description Rests on days computed from the statutes (no decree on transfers entered yet) or an estimated date
             * @constant
             */
            provisional?: true;
        };
        IssuedDocument: {
            id: string;
            /** @description <application number>-<n>, n the order of issue; GET /verify/{number} checks it */
            number: string | null;
            title: string;
            kind: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            issuedAt: string;
        };
        Verification: {
            number: string;
            /** @description The document's id in the definition and its title in kk and ru */
            type: {
                id: string;
                kk: string;
                ru: string;
            };
            /** @description YYYY-MM-DD */
            issuedAt: string;
            issuer: components["schemas"]["LocalizedPair"];
            /** @description SHA-256 (hex) of the PDF of each language, as GET /applications/{id}/documents/{documentId} serves it */
            sha256: {
                kk: string;
                ru: string;
            };
        };
        LocalizedPair: {
            kk: string;
            ru: string;
        };
        Fact: {
            fact: string;
            path?: string;
            operator: string;
            value?: unknown;
            actual?: unknown;
        };
        RefusalGround: {
            id: string;
            /** @description In the request's Accept-Language */
            message: string;
            legalRef: components["schemas"]["LegalRef"];
            facts: components["schemas"]["Fact"][];
        };
        ApplicationRefusalGround: {
            id: string;
            /** @description In the request's Accept-Language */
            message: string;
            legalRef: components["schemas"]["LegalRef"];
            /** @description The clause as the law cites it, in kk (Accept-Language kk) or ru (otherwise), as documents print it */
            citation: string;
            /** @description The fact that made the ground hold, in words, in the language of `citation` */
            fact?: string;
        };
        Reasoning: {
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            at: string;
            actor: string;
            text: {
                kk?: string;
                ru?: string;
            };
        };
        HistoryEntry: {
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            at: string;
            event: string;
            actor: string;
            from: string;
            to: string;
        };
        Application: {
            id: string;
            /** @description PROVIDER-SERVICE-YEAR-SEQUENCE, e.g. GKNPZH-CPD-2026-000123 (null: stored before numbering) */
            number: string | null;
            serviceId: string;
            version: string;
            provider: string;
            channel: string | null;
            state: string;
            status: components["schemas"]["Status"];
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            arrivedAt: string;
            /** @description null: the application ended before registration */
            registeredAt: string | null;
            deadlines: components["schemas"]["ApplicationDeadline"][];
            documents: components["schemas"]["IssuedDocument"][];
            /** @description The events this user may send now */
            allowedEvents: {
                type: string;
                name: string;
            }[];
            refusal: {
                grounds: components["schemas"]["ApplicationRefusalGround"][];
            } | null;
            overdue: boolean;
            /** @description Who applied, as the form's x-identity fields give it: full name, IIN (else BIN); null when none */
            applicant: {
                name: string;
                id: string | null;
            } | null;
            /** @description What the application is about: the form's x-summary fields joined with ", " */
            object: components["schemas"]["Text"] | null;
            /** @description The officer who took the application; null when nobody has (always null for the applicant) */
            assignee: components["schemas"]["Officer"] | null;
            /** @description Working time to the due instant on the provider's calendar; null without one, or once closed */
            timeLeft: components["schemas"]["TimeLeft"] | null;
            /** @description What happens next, for the applicant: who acts and by when; in a final state, what they receive */
            nextStep: components["schemas"]["Text"] | null;
            /** @description The officers' reasoning, oldest first */
            reasoning: components["schemas"]["Reasoning"][];
            /** @description The application data, as the form describes it */
            data: {
                [key: string]: unknown;
            };
            history: components["schemas"]["HistoryEntry"][];
            registration: components["schemas"]["Registration"];
        };
        ApplicationSummary: {
            id: string;
            /** @description PROVIDER-SERVICE-YEAR-SEQUENCE, e.g. GKNPZH-CPD-2026-000123 (null: stored before numbering) */
            number: string | null;
            serviceId: string;
            version: string;
            provider: string;
            channel: string | null;
            state: string;
            status: components["schemas"]["Status"];
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            arrivedAt: string;
            /** @description null: the application ended before registration */
            registeredAt: string | null;
            deadlines: components["schemas"]["ApplicationDeadline"][];
            documents: components["schemas"]["IssuedDocument"][];
            /** @description The events this user may send now */
            allowedEvents: {
                type: string;
                name: string;
            }[];
            refusal: {
                grounds: components["schemas"]["ApplicationRefusalGround"][];
            } | null;
            overdue: boolean;
            /** @description Who applied, as the form's x-identity fields give it: full name, IIN (else BIN); null when none */
            applicant: {
                name: string;
                id: string | null;
            } | null;
            /** @description What the application is about: the form's x-summary fields joined with ", " */
            object: components["schemas"]["Text"] | null;
            /** @description The officer who took the application; null when nobody has (always null for the applicant) */
            assignee: components["schemas"]["Officer"] | null;
            /** @description Working time to the due instant on the provider's calendar; null without one, or once closed */
            timeLeft: components["schemas"]["TimeLeft"] | null;
            /** @description What happens next, for the applicant: who acts and by when; in a final state, what they receive */
            nextStep: components["schemas"]["Text"] | null;
        };
        ApplicationReceipt: {
            id: string;
            /** @description PROVIDER-SERVICE-YEAR-SEQUENCE, e.g. GKNPZH-CPD-2026-000123 (null: stored before numbering) */
            number: string | null;
            serviceId: string;
            version: string;
            provider: string;
            channel: string | null;
            state: string;
            status: components["schemas"]["Status"];
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            arrivedAt: string;
            /** @description null: the application ended before registration */
            registeredAt: string | null;
            deadlines: components["schemas"]["ApplicationDeadline"][];
            documents: components["schemas"]["IssuedDocument"][];
            /** @description The events this user may send now */
            allowedEvents: {
                type: string;
                name: string;
            }[];
            refusal: {
                grounds: components["schemas"]["ApplicationRefusalGround"][];
            } | null;
            overdue: boolean;
        };
        Officer: {
            id: string;
            displayName: string;
        };
        OfficerList: {
            items: components["schemas"]["Officer"][];
        };
        TimeLeft: {
            /** @description Past the due instant: the figures then say by how much */
            overdue: boolean;
            /** @description Working days of the schedule wholly in between */
            workingDays: number;
            /** @description The rest of the working time: whole hours… */
            workingHours: number;
            /** @description …and minutes (0–59) */
            workingMinutes: number;
        };
        ApplicationList: {
            items: components["schemas"]["ApplicationSummary"][];
            /** @description Exact when totalExact; otherwise a lower bound (the count stops at 10 000) */
            total: number;
            totalExact?: boolean;
            limit: number;
            offset: number;
        };
        ApplicationEvent: {
            applicationId: string;
            seq: number;
            type: string;
            actor: string;
            userId: string | null;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            at: string;
            data: {
                [key: string]: unknown;
            } | null;
            fromState: string;
            toState: string;
        };
        ApplicationEventList: {
            items: components["schemas"]["ApplicationEvent"][];
        };
        Registration: {
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            arrivedAt: string;
            /** @description null: the application ended before registration */
            registeredAt: string | null;
            /** @description Registered later than it arrived (after hours, a day off, a holiday) */
            moved: boolean;
            /** @description When moved: the arrival, each day off skipped and why, the registration instant, the rule cited */
            reason: components["schemas"]["Text"] | null;
        };
        NotificationSettings: {
            email: string | null;
            /** @description A mobile number, +7 and ten digits */
            sms: string | null;
        };
        NotificationLog: {
            items: {
                /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
                at: string;
                /** @enum {string} */
                channel: "email" | "sms";
                /** @description The address or number, masked */
                to: string;
                text: string;
            }[];
        };
        Calendar: {
            year: number;
            workingDays: number;
            months: {
                month: number;
                workingDays: number;
                daysOff: string[];
                workingWeekendDays: string[];
            }[];
            /** @description Some day of the year is computed from the statutes or estimated */
            provisional: boolean;
            /** @description Why (code term.provisional, kk/ru/en text, params computedFrom / estimated) */
            provisionalReason?: {
                [key: string]: unknown;
            };
            provisionalDays?: {
                [key: string]: unknown;
            }[];
        };
        Deadline: {
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            from: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            registeredAt: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            dueAt: string;
            /** @description Rests on days computed from the statutes (no decree on transfers entered yet) or an estimated date */
            provisional: boolean;
            explanation: {
                [key: string]: unknown;
            }[];
        };
        Simulation: {
            serviceId: string;
            version: string;
            /** @description null: the application ended before registration */
            registeredAt: string | null;
            state: string;
            status: components["schemas"]["Status"];
            deadlines: {
                id: string;
                dueAt: string | null;
                status: string;
                /**
                 * @description Rests on days computed from the statutes (no decree on transfers entered yet) or an estimated date
                 * @constant
                 */
                provisional?: true;
            }[];
            refusal: {
                grounds: components["schemas"]["RefusalGround"][];
            } | null;
            documents: {
                id: string;
                title: string;
                html: string;
            }[];
            trace: {
                [key: string]: unknown;
            }[];
        };
        DefinitionList: {
            items: {
                id: string;
                name: components["schemas"]["Text"];
                versions: {
                    id: string;
                    effectiveFrom: string | null;
                    effectiveTo: string | null;
                    /** @description The acts whose text the version encodes (an amending act amends them) */
                    producedBy: string[];
                }[];
            }[];
            /** @description Services whose definition does not compile */
            broken: string[];
            problems: components["schemas"]["DefinitionProblem"][];
        };
        DefinitionSource: {
            id: string;
            /** @description The assembled service definition */
            definition: {
                [key: string]: unknown;
            };
            acts: {
                [key: string]: components["schemas"]["Act"];
            };
        };
        DefinitionFiles: {
            /** @description The service's service.json, relative to the definitions folder's parent */
            entry: string;
            /** @description The texts of the service folder and definitions/shared, by path, and of the acts it cites (definitions/seeds/<file>) */
            files: {
                [key: string]: string;
            };
        };
        Coverage: {
            serviceId: string;
            acts: {
                [key: string]: unknown;
            }[];
            uncited: {
                act: string;
                clause: string;
                lines: number[];
                summary: string;
            }[];
            counts: {
                clauses: number;
                cited: number;
                explained: number;
                uncited: number;
            };
        };
        JsonChange: {
            pointer: string;
            /** @enum {string} */
            kind: "added" | "removed" | "changed";
            before?: unknown;
            after?: unknown;
        };
        VersionDiff: {
            from: string;
            to: string;
            changes: components["schemas"]["JsonChange"][];
        };
        Calendars: {
            /** @description By calendar id */
            calendars: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            /** @description By schedule id */
            schedules: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
        };
        Draft: {
            serviceId: string;
            id: string;
            /** @description The revision: every save makes a new one; a save names the one it was made from */
            rev: number;
            /** @description The version as written: basedOn + cited changes + the keys it replaces */
            definition: {
                [key: string]: unknown;
            };
            materialised?: {
                [key: string]: unknown;
            } | null;
            /** @description The version it amends: the latest published, pending included */
            baseVersion: string;
            legalRef: components["schemas"]["LegalRef"] | null;
            scenarios: {
                file: string;
                /** @description A scenario (definitions/services/<id>/scenarios) */
                scenario: {
                    [key: string]: unknown;
                };
            }[];
            expectedFrom: string | null;
            approvals: {
                rev: number;
                by: string;
                /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
                at: string;
            }[];
            /** @description The user id of its author */
            author: string;
            savedBy: string;
            /** @description Display names of the users it mentions (author, savedBy, approvers), by user id */
            names?: {
                [key: string]: string;
            };
            note: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            createdAt: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            updatedAt: string;
            publishedAt: string | null;
            discardedAt: string | null;
        };
        DraftRevisions: {
            items: {
                [key: string]: unknown;
            }[];
        };
        DraftList: {
            items: components["schemas"]["Draft"][];
        };
        ScenarioOutcome: {
            version: string;
            status: string;
            state: string;
            due: string | null;
        };
        DraftCheck: {
            rev: number;
            problems: components["schemas"]["DefinitionProblem"][];
            changes: {
                version: string;
                basedOn: string;
                pointer: string;
                /** @description The element in words, e.g. deadline `service` case 1 duration */
                element: string;
                op: string;
                /** @description The amending act item, e.g. order No. 999 p.1 sub. 1 */
                actItem: string;
                legalRef: components["schemas"]["LegalRef"];
                changedIn: string;
                inForce: string | null;
                provisional: boolean;
                before?: unknown;
                after?: unknown;
            }[];
            impact: {
                scenario: string;
                file: string;
                before: components["schemas"]["ScenarioOutcome"] | {
                    error: string;
                };
                after: components["schemas"]["ScenarioOutcome"] | {
                    error: string;
                };
                changed: boolean;
                /** @description It meets its expectation with the draft */
                passed: boolean;
            }[];
            openApplications: {
                id: string;
                version: string;
                state: string;
                status: string;
                dueAt: string | null;
                /** @description The draft would change its outcome or due instant (it keeps its version) */
                affected: boolean;
                /** @description Its outcome on the new version */
                onNewVersion?: {
                    [key: string]: unknown;
                };
            }[];
            /** @description Open applications that stay on the version in force now */
            openApplicationsOnCurrent: number;
            /** @description From the version in force now to the draft */
            diff: components["schemas"]["JsonChange"][];
        };
        Publication: {
            version: string;
            /** @description YYYY-MM-DD */
            effectiveFrom: string;
            rev: number;
        };
        /** @description An entry of the acts registry (definitions/shared/acts), with its id */
        RegisteredAct: {
            [key: string]: unknown;
        };
        ActList: {
            items: components["schemas"]["RegisteredAct"][];
        };
        ActClauses: {
            act: string;
            /** @description The seed file (definitions/seeds) the clauses' lines number; null when the act's text is not there */
            seed: string | null;
            /** @description The act's clause inventory; none for an act registered through the API */
            items: {
                /** @description e.g. "p.5 sub.2", "Annex 1 row 3" */
                id: string;
                article?: string;
                paragraph?: string;
                subparagraph?: string;
                part?: string;
                annex?: string;
                row?: string;
                /** @description The first and last line in the seed (or the one line) */
                lines?: number[];
                /** @description What the clause says, in our words */
                summary?: string;
                /** @enum {string} */
                status?: "operative" | "not-encoded" | "not-applicable";
                /** @description The clause's seed lines; empty when the act's text is not in the seeds */
                text: string;
            }[];
        };
        AuditEntry: {
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            at: string;
            userId: string | null;
            action: string;
            /** @description application:<id>, definition:<serviceId>, user:<id>, webhook:<id> */
            subject: string;
            /** @description What changed */
            details: {
                [key: string]: unknown;
            };
        };
        AuditList: {
            items: components["schemas"]["AuditEntry"][];
            /** @description Give it as ?cursor= for the next page; null on the last */
            nextCursor: string | null;
        };
        Webhook: {
            id: string;
            url: string;
            serviceId: string | null;
            provider: string | null;
            createdBy: string;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            createdAt: string;
            active: boolean;
        };
        WebhookList: {
            items: components["schemas"]["Webhook"][];
        };
        WebhookDelivery: {
            id: string;
            subscriptionId: string;
            event: string;
            /** @description The body that was sent */
            payload: {
                [key: string]: unknown;
            };
            attempts: number;
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            lastError: string | null;
            lastStatus: number | null;
            /** @description ISO 8601 instant with offset, e.g. 2026-03-03T10:00:00+05:00 */
            createdAt: string;
            deliveredAt: string | null;
        };
        WebhookDeliveryList: {
            items: components["schemas"]["WebhookDelivery"][];
        };
        SavedFilter: {
            id: string;
            name: string;
            /** @description The query parameters of GET /applications the view sets */
            query: {
                q?: string;
                status?: string;
                serviceId?: string;
                provider?: string;
                /** @description me | none | a user id */
                assignee?: string;
                /** @enum {string} */
                due?: "overdue" | "today";
            };
        };
        SavedFilterList: {
            items: components["schemas"]["SavedFilter"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        services: number;
                    };
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getService: {
        parameters: {
            query?: {
                at?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description ?at= is not a date (2026-02-30 included) or an instant, or a malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service, or no version in force then (names the repealing act) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServiceVersions: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong username or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No username or password */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins for this account or from this client: wait and retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettings"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            /** @description Not an e-mail address or a +7 mobile number: each field error located by its JSON pointer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSavedFilters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilterList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSavedFilters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedFilterList"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilterList"];
                };
            };
            /** @description Not a valid list of filters: each field error located by its JSON pointer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApplications: {
        parameters: {
            query?: {
                status?: string;
                provider?: string;
                overdue?: "true" | "1" | "false" | "0";
                serviceId?: string;
                dueBefore?: string;
                q?: string;
                assignee?: string;
                due?: "overdue" | "today";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            /** @description A bad limit, offset, status, dueBefore, q, assignee or due, or a malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not your provider */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240. return=representation answers the whole Application (as GET /applications/{id}); otherwise the ApplicationReceipt. The answer names the preference it applied in Preference-Applied. */
                Prefer?: "return=minimal" | "return=representation";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    serviceId: string;
                    data: {
                        [key: string]: unknown;
                    };
                    channel?: string;
                    provider?: string;
                };
            };
        };
        responses: {
            /** @description Registered: the receipt, or the whole application with Prefer: return=representation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReceipt"] | components["schemas"]["Application"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not submit applications */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown service or no version in force */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Field errors with JSON pointers, in the Accept-Language */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many submissions from this applicant: wait and retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplication: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApplicationNotifications: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationLog"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assignApplication: {
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
                    /** @description The officer, or null to release */
                    userId: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description userId is not a user id or null */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an officer of the provider, or assigning or releasing a colleague's without the head role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Taken by another officer (assignment.taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user is not an officer of the provider */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOfficers: {
        parameters: {
            query: {
                provider: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerList"];
                };
            };
            /** @description No provider given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an officer of that provider, nor an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApplicationEvents: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationEventList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendApplicationEvent: {
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
                    type: string;
                    data?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not send this event */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event is not allowed in this state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No type, or data that is not an object */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewApplicationEvent: {
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
                    type: string;
                    data?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPreview"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not send this event */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application you may see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event is not allowed in this state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No type, data that is not an object, or data the event refuses */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApplicationComments: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application whose officers' comments you may read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addApplicationComment: {
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
                    text: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application whose officers' comments you may read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No text, an empty one, or one over 2000 characters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplicationDocument: {
        parameters: {
            query?: {
                lang?: "kk" | "ru";
            };
            header?: never;
            path: {
                id: string;
                documentId: string;
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
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description Not a document number such as GKNPZH-CPD-2026-000123-1, or a malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No issued document has this number */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description More than 120 verifications a minute from one client */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    simulate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    serviceId: string;
                    /** @description ISO 8601 instant */
                    at: string;
                    data: {
                        [key: string]: unknown;
                    };
                    events?: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Simulation"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service, or no version in force at that instant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid data, instant or events */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many simulations from this client: wait and retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendar: {
        parameters: {
            query?: {
                schedule?: string;
            };
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            /** @description Not a year, or a malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Year outside the data */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    computeDeadline: {
        parameters: {
            query: {
                from: string;
                duration: string;
                schedule?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deadline"];
                };
            };
            /** @description No from or duration, or a malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in by the session cookie, a change (POST, PUT, PATCH, DELETE) sent neither as JSON nor with the X-Qyzmet header: refused as a possible cross-site request forgery */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such schedule */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad instant or unit */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDefinitions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDefinition: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionSource"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDefinitionFiles: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionFiles"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDefinitionCoverage: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coverage"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diffVersions: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiff"];
                };
            };
            /** @description No such version, or a malformed request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDrafts: {
        parameters: {
            query?: {
                all?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDraft: {
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
                    /** @description The revision the edit was made from (required to save) */
                    rev?: number;
                    /** @description The version as an amendment (basedOn + changes), or whole (stored as the changes from the base) */
                    version?: {
                        [key: string]: unknown;
                    };
                    /** @description RFC 6902 changes, each with its legalRef */
                    changes?: Record<string, never>[];
                    /** @description The amending act item that changes made from a whole version cite */
                    legalRef?: Record<string, never>;
                    scenarios?: Record<string, never>[];
                    /** @description YYYY-MM-DD: when the analyst expects it in force */
                    expectedFrom?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not a version, changes or note as described */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The revision the edit was made from (required to save) */
                    rev?: number;
                    /** @description The version as an amendment (basedOn + changes), or whole (stored as the changes from the base) */
                    version?: {
                        [key: string]: unknown;
                    };
                    /** @description RFC 6902 changes, each with its legalRef */
                    changes?: Record<string, never>[];
                    /** @description The amending act item that changes made from a whole version cite */
                    legalRef?: Record<string, never>;
                    scenarios?: Record<string, never>[];
                    /** @description YYYY-MM-DD: when the analyst expects it in force */
                    expectedFrom?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Saved by someone else since that revision (the answer lists what changed), or closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No revision in the body, more than 1000 changes, or a template path leading outside the definitions */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    discardDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDraftRevisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftRevisions"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rev: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or a head, or the author of the draft (a second analyst approves) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The draft changed since that revision, or is closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    file: string;
                    rev: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Draft"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The draft changed since that revision */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The draft does not compile */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftCheck"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The check took longer than its time budget or more memory than it is given */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                draftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description YYYY-MM-DD */
                    effectiveFrom?: string;
                    /** @description YYYY-MM-DD: the first official publication of the act */
                    publishedOn?: string;
                    /**
                     * @description In force after this many days
                     * @default 10
                     */
                    calendarDays?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such service or draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already published, or this revision has no approval by a second analyst */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No date, a date in the past, a draft with problems, or failing scenarios */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerAct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredAct"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An act with this id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The entry is not valid (errors as pointers) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAct: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredAct"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such act */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    amendAct: {
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
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredAct"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such act */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The entry is not valid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getActClauses: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActClauses"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such act */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendars: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendars"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAudit: {
        parameters: {
            query?: {
                subject?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    /** @description Signs the deliveries */
                    secret: string;
                    serviceId?: string;
                    provider?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad URL, short secret or unknown service */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
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
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            /** @description A malformed request: repeated query parameter, broken percent-encoding, invalid or too deep JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is unknown or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an analyst or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not labelled JSON, or is in an encoding the API does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
