-- records-fixture.sql: seven hand-written consent events over three subjects, with answers
-- known for every records filter (see tests/test-event-query.c). Purpose bits as seeded:
-- measurement 4, personalization 8, advertising 16.
INSERT INTO policy_versions (id, version, effective, significant, created_at) VALUES
  (1, '3.0', '2025-01-01', 1, '2025-01-01T00:00:00Z'),
  (2, '3.1', '2026-01-01', 1, '2026-01-01T00:00:00Z');
INSERT INTO subjects (id, created_at) VALUES
  (1, '2025-06-01T10:00:00Z'), (2, '2025-07-15T12:00:00Z'), (3, '2026-03-01T12:00:00Z');
INSERT INTO identifiers (id, subject_id, kind, value) VALUES
  (1, 1, 'consent_id', 'c-anna'),
  (2, 1, 'email', 'anna@example.se'),
  (3, 1, 'account', 'A-1042'),
  (4, 2, 'consent_id', 'c-bob'),
  (5, 3, 'consent_id', 'c-carl'),
  (6, 3, 'account', 'A-7'),
  (7, 1, 'consent_id', 'c-anna-phone');
INSERT INTO user_agents (id, value) VALUES (1, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
INSERT INTO events (id, event_id, content_hash, subject_id, identifier_id, recorded_at, policy_id,
                    method, granted, denied, gpc, tc_string, url, country, ip, user_agent_id) VALUES
  (1, 'ev-001', X'01', 1, 1, unixepoch ('2025-06-01 10:00:00') * 1000, 1, 0, 28, 0, 0,
   'CQTestTCStringForAnnaAAAA', 'https://www.example.com/', 'SE', '203.0.113.0', 1),
  (2, 'ev-002', X'02', 1, 1, unixepoch ('2026-02-01 09:00:00') * 1000, 2, 3, 12, 16, 0,
   NULL, 'https://www.example.com/settings', 'SE', '203.0.113.0', 1),
  (3, 'ev-003', X'03', 2, 4, unixepoch ('2025-07-15 12:00:00') * 1000, 1, 1, 0, 28, 0,
   NULL, 'https://shop.example.com/', 'DE', '198.51.100.0', NULL),
  (4, 'ev-004', X'04', 2, 4, unixepoch ('2026-01-10 08:30:00') * 1000, 2, 2, 4, 8, 0,
   NULL, 'https://shop.example.com/cart', 'DE', '198.51.100.0', NULL),
  (5, 'ev-005', X'05', 3, 5, unixepoch ('2026-03-01 12:00:00') * 1000, 2, 4, 0, 24, 1,
   NULL, 'https://www.example.com/', 'US', NULL, NULL),
  (6, 'ev-006', X'06', 1, 7, unixepoch ('2026-02-15 18:00:00') * 1000, 2, 2, 4, 24, 0,
   NULL, 'https://m.example.com/', 'SE', NULL, NULL),
  (7, NULL, X'07', 2, 4, unixepoch ('2026-03-05 07:45:00') * 1000, 2, 0, 28, 0, 0,
   NULL, 'https://shop.example.com/', 'DE', NULL, NULL);
INSERT INTO event_vendors (event_id, gvl_id, granted) VALUES (1, 52, 0), (1, 755, 1);
UPDATE subjects SET latest_event_id = 6 WHERE id = 1;
UPDATE subjects SET latest_event_id = 7 WHERE id = 2;
UPDATE subjects SET latest_event_id = 5 WHERE id = 3;
