"""Operations: backups and restore, health and queue status for monitoring."""
