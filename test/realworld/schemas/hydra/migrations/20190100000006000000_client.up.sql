ALTER TABLE hydra_client ADD subject_type VARCHAR(15) NOT NULL DEFAULT '';
