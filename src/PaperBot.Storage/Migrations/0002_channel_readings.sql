-- PaperBot's store, version 2: the readings each channel answers from (`use …`). The channel is a salted key, as
-- conversations are; the document ids are a JSON list. A channel's choice is a setting: retention does not remove it.

CREATE TABLE channel_readings (
    channel_key TEXT PRIMARY KEY,
    document_ids TEXT NOT NULL,
    updated_ms BIGINT NOT NULL
);
