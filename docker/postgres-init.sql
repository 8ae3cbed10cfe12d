-- One database per service (DESIGN.md: each service has its own PostgreSQL database).
-- Adding a service to docker-compose.yml means adding its database here too.
CREATE DATABASE release;
CREATE DATABASE backup;
CREATE DATABASE automation;
CREATE DATABASE access;
