package dev.opsledger.backup.driver;

import dev.opsledger.backup.config.BackupProperties;
import dev.opsledger.backup.restore.api.CompleteRestore;
import dev.opsledger.backup.restore.api.DestinationKind;
import dev.opsledger.backup.restore.api.FailRestore;
import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.restore.saga.RestoreExecutor;
import dev.opsledger.backup.run.api.BackupArtifact;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.api.CompleteBackupRun;
import dev.opsledger.backup.run.api.FailBackupRun;
import dev.opsledger.backup.run.api.RecordVerification;
import dev.opsledger.backup.run.saga.BackupExecutor;
import dev.opsledger.backup.target.api.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs backups, test restores and restores on virtual threads, at most {@code workers} at once,
 * and reports each outcome as a command. A crash of the service leaves the run active; start-up
 * closes it as interrupted ({@code StartupRecovery}), so nothing is silently lost.
 */
@Component
class LocalExecutor implements BackupExecutor, RestoreExecutor {

    private static final Logger log = LoggerFactory.getLogger(LocalExecutor.class);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final CommandGateway commands;
    private final BackupRepository repository;
    private final PostgresDriver postgres;
    private final DirectoryDriver directories;
    private final Processes processes;
    private final Clock clock;

    LocalExecutor(BackupProperties properties, CommandGateway commands, BackupRepository repository,
                  PostgresDriver postgres, DirectoryDriver directories, Processes processes, Clock clock) {
        this.slots = new Semaphore(properties.workers());
        this.commands = commands;
        this.repository = repository;
        this.postgres = postgres;
        this.directories = directories;
        this.processes = processes;
        this.clock = clock;
    }

    @Override
    public void backUp(String runId, BackupJob job) {
        MetaData chain = chain();
        submit(runId, () -> {
            Instant start = clock.instant();
            boolean database = job.location().kind() == TargetKind.POSTGRESQL;
            String location = repository.locationFor(job.targetId(), runId, database ? "dump" : "tar.gz");
            Path file = repository.resolve(location);
            try {
                BackupArtifact artifact;
                if (database) {
                    var dump = postgres.dump(runId, job.location().postgres(), file, job.timeout());
                    artifact = new BackupArtifact(location, dump.sizeBytes(), dump.sha256(),
                            Duration.between(start, clock.instant()), dump.toolVersion());
                } else {
                    var archive = directories.archive(Path.of(job.location().directory()), file);
                    artifact = new BackupArtifact(location, archive.sizeBytes(), archive.sha256(),
                            Duration.between(start, clock.instant()), DirectoryDriver.TOOL);
                }
                send(chain, new CompleteBackupRun(runId, artifact));
            } catch (DriverFailure failure) {
                send(chain, new FailBackupRun(runId, failure.getMessage(), failure.stderrTail()));
            } catch (Exception e) {
                log.warn("Backup run {} failed", runId, e);
                send(chain, new FailBackupRun(runId, describe(e), null));
            }
        });
    }

    /**
     * The metadata of the step that hands work to a worker (correlation, cause, actor, a request's id):
     * a command sent from the worker's thread has no unit of work to inherit it from, and without it
     * a run's outcome would start a new story instead of answering the request that asked for it.
     */
    private static MetaData chain() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getCorrelationData() : MetaData.emptyInstance();
    }

    private void send(MetaData chain, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(chain));
    }

    @Override
    public void verify(String runId, BackupJob job, BackupArtifact artifact) {
        submit(runId, () -> {
            try {
                Path file = checkedFile(artifact);
                String detail;
                if (job.location().kind() == TargetKind.POSTGRESQL) {
                    detail = postgres.verify(runId, job.location().postgres(), file, job.verificationCheck(),
                            job.timeout());
                } else {
                    Path scratch = repository.scratch("verify-" + runId);
                    try {
                        detail = "Extracted to a scratch folder: " + directories.extract(file, scratch)
                                + " files match their checksums";
                    } finally {
                        deleteTree(scratch);
                    }
                }
                commands.sendAndWait(new RecordVerification(runId, true, detail));
            } catch (DriverFailure failure) {
                commands.sendAndWait(new RecordVerification(runId, false, withTail(failure)));
            } catch (Exception e) {
                log.warn("Verification of run {} failed", runId, e);
                commands.sendAndWait(new RecordVerification(runId, false, describe(e)));
            }
        });
    }

    @Override
    public void restore(String restoreId, BackupJob job, BackupArtifact artifact, RestoreDestination destination) {
        submit(restoreId, () -> {
            try {
                Path file = checkedFile(artifact);
                String detail;
                if (job.location().kind() == TargetKind.POSTGRESQL) {
                    var location = job.location().postgres();
                    boolean fresh = destination.kind() == DestinationKind.NEW_DATABASE;
                    String database = fresh ? destination.name() : location.database();
                    postgres.restore(restoreId, location, database, fresh, file, job.timeout());
                    detail = "Restored into database " + database;
                } else {
                    Path folder = Path.of(destination.isOriginal() ? job.location().directory() : destination.name());
                    if (destination.isOriginal()) {
                        directories.empty(folder);
                    } else if (Files.isDirectory(folder) && !isEmpty(folder)) {
                        throw new DriverFailure("The new folder " + folder + " is not empty");
                    }
                    detail = "Restored " + directories.extract(file, folder) + " files into " + folder;
                }
                commands.sendAndWait(new CompleteRestore(restoreId, detail));
            } catch (DriverFailure failure) {
                commands.sendAndWait(new FailRestore(restoreId, withTail(failure)));
            } catch (Exception e) {
                log.warn("Restore {} failed", restoreId, e);
                commands.sendAndWait(new FailRestore(restoreId, describe(e)));
            }
        });
    }

    @Override
    public void cancel(String id) {
        processes.stop(id);
    }

    /** The backup file, refused before anything is restored when it no longer matches its SHA-256. */
    private Path checkedFile(BackupArtifact artifact) throws IOException, DriverFailure {
        Path file = repository.resolve(artifact.location());
        if (!Files.isRegularFile(file)) {
            throw new DriverFailure("The backup file " + artifact.location() + " is missing");
        }
        String actual = Hashing.sha256Of(file);
        if (!actual.equals(artifact.sha256())) {
            throw new DriverFailure("Checksum mismatch: the file's SHA-256 is " + actual + ", the backup recorded "
                    + artifact.sha256() + "; nothing was restored");
        }
        return file;
    }

    private void submit(String id, Runnable work) {
        threads.submit(() -> {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                // The outcome command itself was refused (e.g. the run timed out meanwhile): recorded elsewhere.
                log.warn("Outcome of {} not recorded: {}", id, e.getMessage());
            } finally {
                slots.release();
            }
        });
    }

    private static String withTail(DriverFailure failure) {
        return failure.stderrTail() == null || failure.stderrTail().isBlank() ? failure.getMessage()
                : failure.getMessage() + ": " + failure.stderrTail();
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private void deleteTree(Path folder) throws IOException {
        directories.empty(folder);
        Files.deleteIfExists(folder);
    }
}
