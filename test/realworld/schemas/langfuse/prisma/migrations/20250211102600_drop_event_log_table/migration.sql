-- DropTable
DROP TABLE event_log;
