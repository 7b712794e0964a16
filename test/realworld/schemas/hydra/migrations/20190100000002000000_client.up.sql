ALTER TABLE hydra_client ADD client_secret_expires_at INTEGER NOT NULL DEFAULT 0;
