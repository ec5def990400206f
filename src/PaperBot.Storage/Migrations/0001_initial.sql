-- PaperBot's store, version 1. The same statements run on SQLite and on PostgreSQL: times are Unix milliseconds
-- (BIGINT), flags 0/1 (INTEGER), lists JSON text. No platform user id is kept anywhere: users and conversations are
-- salted hashes.

CREATE TABLE conversation_turns (
    conversation_key TEXT NOT NULL,
    turn_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    question TEXT NOT NULL,
    subject TEXT NOT NULL,
    section_ids TEXT NOT NULL,
    PRIMARY KEY (conversation_key, turn_id)
);
CREATE INDEX conversation_turns_recent ON conversation_turns (conversation_key, at_ms);
CREATE INDEX conversation_turns_at ON conversation_turns (at_ms);

CREATE TABLE quizzes (
    quiz_id TEXT PRIMARY KEY,
    card TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL
);
CREATE INDEX quizzes_expires ON quizzes (expires_ms);

CREATE TABLE questions (
    answer_id TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    front_end TEXT NOT NULL,
    user_key TEXT NULL,
    question TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NULL,
    kind TEXT NOT NULL,
    follow_up INTEGER NOT NULL,
    sections TEXT NOT NULL
);
CREATE INDEX questions_at ON questions (at_ms);
CREATE INDEX questions_user ON questions (user_key);

CREATE TABLE feedback (
    answer_id TEXT NOT NULL,
    user_key TEXT NOT NULL,
    liked INTEGER NOT NULL,
    comment TEXT NULL,
    front_end TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (answer_id, user_key)
);
CREATE INDEX feedback_at ON feedback (at_ms);
CREATE INDEX feedback_user ON feedback (user_key);

CREATE TABLE replies (
    reply_id TEXT PRIMARY KEY,
    answer_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE INDEX replies_at ON replies (at_ms);

CREATE TABLE deliveries (
    delivery_key TEXT PRIMARY KEY,
    expires_ms BIGINT NOT NULL
);
CREATE INDEX deliveries_expires ON deliveries (expires_ms);

CREATE TABLE installation (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
