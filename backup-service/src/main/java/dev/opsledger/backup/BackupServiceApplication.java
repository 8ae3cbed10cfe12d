package dev.opsledger.backup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Backup targets and policies, backups that are proven by restores, restores with approval, sufficiency. */
@SpringBootApplication
public class BackupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BackupServiceApplication.class, args);
    }
}
