/* rds-concepts.c: what the Info panels teach, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each concept answers the four questions a learner asks of a field of
 * the Create database form: what is it, when do I choose it, what does it
 * cost, and what does RDS do behind it; and points to the page of the
 * console where it can be watched happening. Written for this console, in
 * plain words; each later feature adds its concepts here. The Info
 * buttons of forms and pages name a concept by its id.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rds-concepts.h"

static const RdsConcept concepts[] = {
  {
    "managed-database",
    N_("What a managed database does for you"),
    N_("Amazon RDS runs a database engine for you on servers it owns. You ask for a database; "
       "RDS finds the server and the disks, installs the engine, patches it, backs it up, "
       "watches its health and replaces what breaks. You connect over the network with the "
       "engine’s usual client. There is no SSH and no operating system to look after."),
    N_("Choose a managed database when you want a database rather than a server to care for. "
       "Run the engine yourself on a virtual server only when you need what RDS does not "
       "allow: a login to the operating system, an extension or version it does not offer, "
       "or full control of every configuration file."),
    N_("You pay by the hour for the DB instance class, by the GiB-month for storage and for "
       "backups beyond the free allowance, and for data sent out of AWS. The work of "
       "provisioning, patching, backups and failover is in the price."),
    N_("Each DB instance is a virtual machine in one Availability Zone with network storage "
       "attached. An agent on it reports to the RDS control plane, which applies your changes "
       "one at a time, records an event for each step, and runs the automation: backups, "
       "minor upgrades in the maintenance window, failover, storage growth. Scaling up is a "
       "single modification."),
    "events",
    N_("Watch RDS at work on the Events page"),
    { "backups", "multi-az", "instance-classes" },
  },
  {
    "engines",
    N_("Engines and their default ports"),
    N_("The engine is the database software RDS runs for you: MySQL, MariaDB, PostgreSQL, "
       "Oracle or Microsoft SQL Server, or Aurora, Amazon’s engine that is compatible with "
       "MySQL or PostgreSQL. Each listens on a port by default: 3306 for MySQL and MariaDB, "
       "5432 for PostgreSQL, 1521 for Oracle and 1433 for SQL Server. Aurora takes 3306 or "
       "5432, after the engine it is compatible with."),
    N_("Choose the engine your application and its tools already speak: it cannot be changed "
       "later, only upgraded to a newer version. You may pick another port when you create "
       "the database or modify it, but a different port hides little; the security group is "
       "what keeps strangers out."),
    N_("MySQL, MariaDB and PostgreSQL carry no licence fee. Oracle and SQL Server come with "
       "the licence in the hourly price, which is then higher, or with a licence you bring. "
       "Aurora costs more per hour than the open-source engines and bills its storage as it "
       "grows."),
    N_("RDS installs the version you choose. Minor versions, which fix bugs and security "
       "problems, can be applied for you in the maintenance window; major versions change "
       "behaviour and are installed only when you ask."),
    "ports",
    N_("Open the Ports reference"),
    { "security-groups", "instance-classes", "managed-database" },
  },
  {
    "instance-classes",
    N_("DB instance classes"),
    N_("The DB instance class is the size of the machine the database runs on: how many "
       "virtual CPUs and how much memory. db.t3.micro has 2 vCPUs and 1 GiB; db.m5.large has "
       "2 vCPUs and 8 GiB. The letter is the family: t for burstable classes, m for standard "
       "classes that balance CPU and memory, r for memory-optimized classes that keep large "
       "data sets in memory."),
    N_("Start small and grow: a burstable class suits development and light traffic. Watch "
       "CPU and free memory, and move up when they stay high. For steady production work "
       "prefer m or r classes: a t class that has spent its CPU credits slows down."),
    N_("You pay for each hour the instance runs, and each step up in size (large, xlarge, "
       "2xlarge) about doubles the price. A Multi-AZ deployment pays for its standby as well, "
       "about twice the price of one instance."),
    N_("Changing the class moves the database to a new machine. A Single-AZ database is "
       "unavailable for a few minutes; a Multi-AZ one changes its standby first and then "
       "fails over to it. The change is applied at once or in the next maintenance window, as "
       "you choose."),
    "databases",
    N_("See each database’s class on the Databases page"),
    { "storage-types", "multi-az", "maintenance-window" },
  },
  {
    "storage-types",
    N_("Storage types"),
    N_("gp2 and gp3 are general purpose SSD; io1 is provisioned IOPS SSD. On gp2 the speed "
       "follows the size: 3 IOPS for each GiB, at least 100, and small volumes can burst to "
       "3,000 for a while. gp3 gives at least 3,000 IOPS and 125 MiB/s whatever its size. io1 "
       "delivers the IOPS you ask for, steadily."),
    N_("gp3 suits most databases. Choose io1 for busy production databases that need low and "
       "steady latency under heavy input and output. gp2 remains for older databases; a new "
       "one is better served by gp3."),
    N_("General purpose storage is priced per GiB-month. io1 costs more per GiB and adds a "
       "price for each provisioned IOPS. Storage is billed even while the database is "
       "stopped."),
    N_("The storage is a set of network volumes attached to the instance’s machine, striped "
       "over several when it is large. It can grow but never shrink, and after each change "
       "RDS optimizes it: another storage change must wait six hours or until the "
       "optimization ends."),
    "databases",
    N_("See each database’s storage on the Databases page"),
    { "storage-autoscaling", "instance-classes" },
  },
  {
    "storage-autoscaling",
    N_("Storage autoscaling"),
    /* xgettext:no-c-format */
    N_("With storage autoscaling RDS adds storage by itself when the database is about to run "
       "out. It acts when free space has stayed under 10 % of the allocated storage for at "
       "least 5 minutes and at least 6 hours have passed since the last storage change. It "
       "adds the largest of 5 GiB, 10 % of the storage, or the growth it predicts for the next "
       "7 hours, and never goes past the maximum storage threshold you set."),
    N_("Turn it on for any database whose data grows, and set the maximum to what you are "
       "ready to pay for. Without it, a full disk stops the database with the status "
       "storage-full until someone adds storage."),
    N_("Autoscaling itself is free; you pay for the storage it adds, from the moment it is "
       "added. Storage never shrinks again, so a burst of temporary data leaves its cost "
       "behind."),
    N_("RDS checks the free storage every few minutes. When the rule is met it modifies the "
       "instance as you would, records events when it starts and finishes, and warns before "
       "the maximum is reached. The database stays available while it grows."),
    "events",
    N_("See storage changes on the Events page"),
    { "storage-types", "managed-database" },
  },
  {
    "multi-az",
    N_("Multi-AZ deployments"),
    N_("A Multi-AZ DB instance has a standby copy in another Availability Zone of the same "
       "Region. Every write is copied to the standby synchronously, before it is confirmed. "
       "Applications use one DNS name; when the primary, its machine or its zone fails, RDS "
       "fails over to the standby and moves the name to it, usually within one or two "
       "minutes."),
    N_("Choose Multi-AZ for production databases that must survive the loss of a machine or a "
       "data centre. It is for availability, not for scaling: the standby serves no reads. To "
       "spread reads, add read replicas."),
    N_("The standby is a second instance of the same class with its own storage, so a "
       "Multi-AZ deployment costs about twice as much. Synchronous writes add a little "
       "latency."),
    N_("Converting a Single-AZ database takes no downtime: RDS snapshots the primary, restores "
       "the standby from the snapshot in another zone, and turns on synchronous replication. "
       "Backups are then taken from the standby, and changes such as a new class are applied "
       "to the standby first."),
    "events",
    N_("See failovers and conversions on the Events page"),
    { "read-replicas", "backups", "instance-classes" },
  },
  {
    "read-replicas",
    N_("Read replicas"),
    N_("A read replica is a separate DB instance that follows its source by asynchronous "
       "replication. It has its own endpoint and answers SELECT queries only; it may lag "
       "behind the source, so what it returns is eventually consistent. MySQL, MariaDB and "
       "PostgreSQL allow up to 15 replicas per source, in the same zone, another zone or "
       "another Region."),
    N_("Add replicas to spread read-heavy work such as reports and dashboards, to bring data "
       "closer to users in another Region, or to prepare a copy you can promote to a "
       "standalone database. They do not replace Multi-AZ: a replica does not take over by "
       "itself."),
    N_("Each replica is billed as an instance of its class with its own storage. Replication "
       "within a Region, even to another Availability Zone, has no data transfer charge; a "
       "replica in another Region pays for the data sent to it, per GB."),
    N_("RDS creates the replica from a snapshot of the source, then streams the source’s "
       "changes to it. The source needs automated backups turned on. Promoting a replica stops "
       "replication and makes it a database of its own, which can take writes."),
    "databases",
    N_("See replicas beside their source on the Databases page"),
    { "multi-az", "backups" },
  },
  {
    "failover",
    N_("Failover"),
    N_("A failover hands a Multi-AZ database over to its standby. RDS stops sending work to the "
       "old primary, makes the standby the primary and moves the endpoint's DNS name to it. "
       "Connections drop and applications reconnect to the same name; nothing written before "
       "the failover is lost, since every write was already on the standby."),
    N_("RDS fails over by itself when the primary's host, storage or Availability Zone fails. "
       "You can ask for one with Reboot with failover, to test that your application "
       "reconnects. A second one asked for too soon after another is abandoned."),
    N_("A failover costs nothing, but the database is unavailable for typically 60 to 120 "
       "seconds, and clients that cache DNS for longer stay away longer."),
    N_("RDS records “Multi-AZ instance failover started.” and then “Multi-AZ failover to "
       "standby complete” (or “completed”). The Availability Zone and the secondary "
       "Availability Zone swap. If the old primary is lost, RDS builds a new standby in a "
       "healthy zone, which takes as long as converting to Multi-AZ."),
    "events",
    N_("See failovers on the Events page"),
    { "multi-az", "availability-zones", "read-replicas" },
  },
  {
    "availability-zones",
    N_("Regions and Availability Zones"),
    N_("A Region, such as us-east-1, is a part of the world with several Availability Zones: "
       "separate data centres with their own power and network, a few kilometres apart. A DB "
       "instance runs in one zone; its Multi-AZ standby in another; its read replicas wherever "
       "you place them, even in another Region."),
    N_("Spread what must survive across zones: a Multi-AZ standby keeps the database running "
       "when a zone fails, and a replica in another Region keeps a copy when a whole Region "
       "does. A Single-AZ database is down for as long as its zone is."),
    N_("Data sent between zones and between Regions is billed per GB; Multi-AZ replication "
       "is included in its price. Cross-Region replicas pay for the data they receive."),
    N_("When a zone fails, RDS fails Multi-AZ databases over to their standbys and rebuilds the "
       "standbys elsewhere; Single-AZ databases and replicas in the zone wait for it to "
       "return. This console's simulator can take a zone down so you can watch it, on a "
       "database's Topology tab."),
    "databases",
    N_("Open a database and its Topology tab"),
    { "multi-az", "failover", "read-replicas" },
  },
  {
    "backups",
    N_("Backups and restore"),
    N_("RDS backs up a database every day in its backup window and saves its transaction logs "
       "every 5 minutes. Together they let you restore the database to any second of the "
       "retention period, from 1 to 35 days; a retention of 0 turns automated backups off. "
       "Manual snapshots are taken when you ask and kept until you delete them."),
    N_("Keep automated backups on for every database that matters, with a retention long "
       "enough to notice a mistake. Take a manual snapshot before a risky change and to keep a "
       "copy beyond 35 days. Restoring never overwrites: it creates a new database, which you "
       "then point your application at."),
    N_("Backup storage up to the size of your databases in a Region is free; beyond that you "
       "pay per GiB-month, including for manual snapshots. A stopped database still pays for "
       "its storage and backups."),
    N_("A backup is a snapshot of the storage volumes: the first one is full, later ones "
       "store only what changed. On a Single-AZ database the snapshot briefly pauses input "
       "and output; on a Multi-AZ one it is taken from the standby."),
    "snapshots",
    N_("See backups on the Snapshots page"),
    { "encryption-at-rest", "multi-az", "maintenance-window" },
  },
  {
    "point-in-time-restore",
    N_("Point-in-time restore"),
    N_("With automated backups on, RDS can rebuild a database as it was at any second of its "
       "restorable window: from the oldest automated backup it keeps to the latest restorable "
       "time, usually no more than 5 minutes ago. A snapshot can be restored too, as it was "
       "when it was taken. Either way the result is a new DB instance with a new name; the "
       "original keeps running untouched."),
    N_("Restore to a point in time to undo a mistake, such as a dropped table or a bad "
       "update: choose a moment just before it. Restore a snapshot to start a copy for tests "
       "or to go back to a known state. A restore keeps the backup’s engine, version, "
       "encryption and master user; you choose the new instance’s class, storage type, "
       "Multi-AZ and network."),
    N_("The restored database is billed like any new DB instance of its class and storage, "
       "from the moment it is created. Restoring itself costs nothing; the backups it reads "
       "are part of your backup storage."),
    N_("RDS creates new volumes from the daily snapshot before the chosen time, then replays "
       "the transaction logs saved every 5 minutes up to that second. The new instance is "
       "“creating” meanwhile, and records in its events what it was restored from."),
    "automated-backups",
    N_("See each database’s restorable window on the Automated backups page"),
    { "backups", "encryption-at-rest", "instance-classes" },
  },
  {
    "encryption-at-rest",
    N_("Encryption at rest"),
    N_("An encrypted database keeps its storage, its automated backups, its snapshots and its "
       "replicas encrypted with an AWS KMS key, either the key RDS manages for you or one of "
       "your own. Applications notice nothing: data is decrypted as it is read."),
    N_("Encrypt every database that holds data worth protecting; there is little reason not "
       "to. Encryption can be chosen only when the database is created and can never be "
       "turned off. To encrypt an existing database, take a snapshot, copy it with encryption "
       "on, and restore the encrypted copy as a new database."),
    N_("RDS charges nothing for encryption. A key of your own costs a small monthly fee in "
       "AWS KMS plus a charge for its use; the key RDS manages is free."),
    N_("The storage volumes are encrypted with a data key that the KMS key protects. A "
       "snapshot keeps its database’s key; a copy can be given another. If the key is "
       "disabled or deleted, the database and its backups can no longer be read."),
    "snapshots",
    N_("Encrypt a copy of a snapshot on the Snapshots page"),
    { "backups", "encryption-in-transit", "iam-auth" },
  },
  {
    "kms-keys",
    N_("KMS keys"),
    N_("AWS KMS keeps the keys that encrypt databases and snapshots; a key never leaves KMS "
       "or its Region. RDS uses the AWS managed key alias/aws/rds unless you choose a "
       "customer managed key of your own, which you can disable, delete and let other "
       "accounts use."),
    N_("Choose a key of your own to control who may use the data, or to share encrypted "
       "snapshots with other accounts: snapshots encrypted with alias/aws/rds can’t be "
       "shared. Disable a key only knowing what uses it: its databases stop within minutes."),
    N_("A customer managed key costs a small monthly fee plus a charge per request; the "
       "AWS managed key is free. A key pending deletion costs nothing more."),
    N_("A disabled key, or one pending deletion, makes its databases "
       "inaccessible-encryption-credentials-recoverable: enabled again within 7 days, they "
       "recover; after that, or once the key is deleted, they can only be restored from a "
       "backup encrypted with another key. KMS waits 7 to 30 days before it deletes a key."),
    "keys",
    N_("See the Region’s keys on the KMS keys page"),
    { "encryption-at-rest", "snapshot-copy", "backups" },
  },
  {
    "snapshot-copy",
    N_("Copying snapshots"),
    N_("A copy of a snapshot is a manual snapshot of its own, in the same Region or another, "
       "kept until you delete it, with the source’s tags if you ask for them. A copy of an "
       "automated snapshot is how to keep one beyond the retention period."),
    N_("Copy a snapshot to another Region to recover from a Region’s outage, to encrypt it, "
       "or to share it: an unencrypted snapshot copied with a KMS key becomes encrypted, "
       "which is how an unencrypted database gets encrypted (copy, then restore the copy). "
       "An encrypted copy to another Region needs a key of that Region."),
    N_("The copy is billed as backup storage; a copy to another Region also pays for the "
       "data transferred between Regions."),
    N_("A copy in the same Region is pending, then creating, until it is available; a copy "
       "to another Region is pending and copying, and takes longer. Deleting a copy while "
       "it is being made cancels it."),
    "snapshots",
    N_("Copy a snapshot on the Snapshots page"),
    { "kms-keys", "backups", "encryption-at-rest" },
  },
  {
    "encryption-in-transit",
    N_("Encryption in transit (TLS)"),
    N_("Every RDS database can accept connections encrypted with TLS, so no one on the network "
       "can read or change what passes between the application and the database. The "
       "database presents a certificate signed by the certificate authority you choose; the "
       "client checks it against that authority’s published certificate."),
    N_("Use TLS for every connection that leaves a machine you trust, and always over the "
       "internet. Most engines can be told through a parameter to refuse connections without "
       "it. Choose a certificate authority your clients know, and plan to rotate before it "
       "expires."),
    N_("It costs nothing in RDS; the database spends a little CPU on encryption."),
    N_("RDS renews the database’s certificate for you. Changing the certificate authority "
       "installs a new certificate and restarts the database, at once or in the maintenance "
       "window."),
    "databases",
    N_("See each database’s certificate on its Connectivity tab"),
    { "encryption-at-rest", "security-groups", "iam-auth" },
  },
  {
    "iam-auth",
    N_("IAM database authentication"),
    N_("With IAM database authentication an application signs in to MySQL, MariaDB or "
       "PostgreSQL with a short-lived token from AWS instead of a stored password. The token "
       "is valid for 15 minutes and is granted by an IAM policy, so access follows the users "
       "and roles you already manage in IAM."),
    N_("Choose it when applications run on AWS with an IAM role, to avoid storing database "
       "passwords in their configuration. It suits applications that open connections at a "
       "modest rate; the master password keeps working beside it."),
    N_("It is free, but the database spends some CPU checking tokens, which limits how many "
       "new connections it accepts each second."),
    N_("The client asks AWS for a token signed with its credentials and sends it as the "
       "password over TLS. The database checks the signature with IAM and maps the token to a "
       "database user created for IAM sign-in."),
    "databases",
    N_("See who can sign in on the Databases page"),
    { "encryption-in-transit", "security-groups" },
  },
  {
    "security-groups",
    N_("Security groups"),
    N_("A VPC security group is a firewall around the database: a list of rules saying which "
       "addresses or other security groups may connect, and on which port. Everything not "
       "allowed is refused, whether or not the database is publicly accessible."),
    N_("Allow only the database’s port, and only from the security group of your application "
       "servers or from the addresses of the people who must connect. Avoid 0.0.0.0/0: it "
       "opens the port to the whole internet."),
    N_("Security groups are free."),
    N_("The rules are applied by the network around the instance, not by the database: a "
       "connection the group refuses never reaches the engine. Changing a rule takes effect "
       "at once, without a restart."),
    "databases",
    N_("See each database’s security groups on the Databases page"),
    { "engines", "encryption-in-transit", "iam-auth" },
  },
  {
    "maintenance-window",
    N_("The maintenance window"),
    N_("The maintenance window is a weekly period of at least 30 minutes, in UTC, in which "
       "RDS may apply pending changes: minor engine upgrades, operating system patches, and "
       "the modifications you chose not to apply at once."),
    N_("Pick a time when your traffic is lowest, and keep it away from the daily backup "
       "window. Let RDS choose if any quiet hour will do."),
    N_("It costs nothing; some maintenance restarts the database, so a Single-AZ database can "
       "be unavailable for a few minutes during it. Multi-AZ keeps that short by patching "
       "the standby first."),
    N_("Most weeks nothing happens. When maintenance is due, the database’s pending "
       "maintenance shows it, and RDS records events when it starts and finishes the work."),
    "events",
    N_("See maintenance events on the Events page"),
    { "backups", "multi-az", "engines" },
  },
  {
    "cloudwatch-metrics",
    N_("CloudWatch metrics"),
    N_("Every minute RDS sends Amazon CloudWatch measurements of each DB instance: CPU, "
       "connections, free storage and memory, disk I/O and its latency, network traffic. "
       "CloudWatch keeps them 15 days at a minute, 63 days at five minutes and 455 days at an "
       "hour, and draws them for any time range."),
    N_("Look at them to size an instance (a CPU that stays high wants a larger class), to see "
       "storage running out before it does, and to find what happened when: a reboot drops "
       "the connections, a failover moves them."),
    N_("The basic metrics of RDS, at one minute, are free. Enhanced Monitoring and "
       "Performance Insights, which look inside the operating system and the engine, cost "
       "extra."),
    N_("The host reports the metrics, not the database engine, so they keep coming while the "
       "engine restarts; nothing comes while the instance is stopped. This console's simulated "
       "databases follow a daily and weekly workload, which you can change on their page."),
    "databases",
    N_("Open a database and its Monitoring tab"),
    { "cloudwatch-alarms", "instance-classes", "storage-autoscaling" },
  },
  {
    "cloudwatch-alarms",
    N_("CloudWatch alarms"),
    N_("An alarm watches one metric of one resource. At the end of each period it looks at the "
       "latest datapoints, and goes to ALARM when enough of them cross its threshold, back to "
       "OK when they no longer do, and to INSUFFICIENT_DATA when there are none."),
    /* xgettext:no-c-format */
    N_("Set alarms on what should wake someone: CPU that stays above 80 %, free storage under "
       "a few GiB, connections near the engine's limit. Asking for 3 of 5 datapoints, rather "
       "than 1 of 1, keeps a short spike from raising it."),
    N_("Each alarm on a standard metric costs about 0.10 USD a month; high-resolution and "
       "anomaly alarms cost more. Its actions (a notification, autoscaling) are paid as those "
       "services are."),
    N_("CloudWatch evaluates the alarm on its own schedule, keeps two weeks of its history, and "
       "runs its actions when its state changes. Missing data counts as missing, breaching or "
       "not breaching, as the alarm says."),
    "databases",
    N_("Open a database and its Monitoring tab"),
    { "cloudwatch-metrics", "storage-autoscaling", "multi-az" },
  },
  {
    "aurora-cluster-volume",
    N_("The Aurora cluster volume"),
    N_("An Aurora cluster keeps its data on one shared volume, not on disks of its own "
       "instances. The volume is cut into protection groups of 10 GiB, and each group is kept "
       "as six copies, two in each of three Availability Zones. A write counts once four of "
       "the six copies have it; a read needs three. The volume grows by itself with the data, "
       "up to 128 TiB."),
    N_("Choose Aurora for a MySQL- or PostgreSQL-compatible database that must keep writing "
       "through the loss of a whole zone, fail over in seconds, and scale reads with up to 15 "
       "readers that share the writer's data. Choose Aurora I/O-Optimized when I/O would be "
       "more than a quarter of the bill."),
    N_("Aurora Standard bills the storage by the GiB-month as it is used and each million I/O "
       "requests; I/O-Optimized has no I/O charge but costs more for instances and storage. "
       "There is no storage to provision, and backups up to the volume's size are free."),
    N_("Copies that fail are repaired from their peers in seconds, without the instances "
       "noticing: losing a zone's two copies leaves four, and writes go on. A third lost copy "
       "stops writes until one is repaired. This console's simulator shows the six copies of "
       "a cluster and lets you fail them."),
    "databases",
    N_("Open a cluster from the Databases page"),
    { "aurora-failover", "aurora-endpoints", "availability-zones" },
  },
  {
    "aurora-failover",
    N_("Aurora readers and failover"),
    N_("An Aurora cluster has one writer and up to 15 readers, all reading the same cluster "
       "volume: a reader is a few milliseconds behind, not a copy of the data. When the writer "
       "fails, or you ask for a failover, a reader becomes the writer, usually in less than 30 "
       "seconds."),
    N_("Add a reader in another Availability Zone to every cluster that must stay up: without "
       "one, Aurora has to start a new writer, which takes minutes. Give the readers that "
       "should take over a lower promotion tier (0 first); among equal tiers the largest wins."),
    N_("Each reader is billed as an instance of its class, by the hour. Readers need no "
       "storage of their own."),
    N_("Aurora picks the reader with the lowest tier, then the largest class, promotes it, and "
       "points the cluster endpoint at it; the old writer restarts as a reader. Events say "
       "when it starts and completes."),
    "databases",
    N_("Watch a cluster's instances on the Databases page"),
    { "aurora-endpoints", "aurora-cluster-volume", "failover" },
  },
  {
    "aurora-endpoints",
    N_("Aurora endpoints"),
    N_("Applications reach an Aurora cluster by its endpoints, not by its instances: the "
       "cluster endpoint always leads to the writer, the reader endpoint spreads connections "
       "over the readers, and up to five custom endpoints lead to the instances you choose."),
    N_("Send writes to the cluster endpoint and reads that can be a few milliseconds old to the "
       "reader endpoint. Make a custom endpoint for a group of instances with a job of their "
       "own, such as large readers for reports; with an exclusion list, new readers join it by "
       "themselves."),
    N_("Endpoints cost nothing: only the instances behind them are billed."),
    N_("Each endpoint is a DNS name that Aurora keeps pointing at the right instances: after a "
       "failover the cluster endpoint leads to the new writer, and a READER custom endpoint "
       "drops an instance that became the writer."),
    "databases",
    N_("Open a cluster from the Databases page"),
    { "aurora-failover", "aurora-cluster-volume", "security-groups" },
  },
};

static const RdsWellKnownPort ports[] = {
  { N_("PostgreSQL"), 5432, 0, N_("Amazon RDS for PostgreSQL and Aurora PostgreSQL-compatible"), TRUE },
  { N_("MySQL"), 3306, 0, N_("Amazon RDS for MySQL and Aurora MySQL-compatible"), TRUE },
  { N_("MariaDB"), 3306, 0, N_("Amazon RDS for MariaDB, which began as a fork of MySQL"), TRUE },
  { N_("Oracle"), 1521, 0, N_("Amazon RDS for Oracle: the port of its listener"), TRUE },
  { N_("Microsoft SQL Server"), 1433, 0, N_("Amazon RDS for SQL Server"), TRUE },
  { N_("Aurora"), 3306, 5432, N_("3306 when MySQL-compatible, 5432 when PostgreSQL-compatible"), TRUE },
  { N_("FTP"), 21, 0, N_("File transfer, unencrypted: avoid it"), FALSE },
  { N_("SSH"), 22, 0, N_("A shell on a remote server; RDS gives none"), FALSE },
  { N_("SFTP"), 22, 0, N_("File transfer over SSH"), FALSE },
  { N_("HTTP"), 80, 0, N_("The web, unencrypted"), FALSE },
  { N_("HTTPS"), 443, 0, N_("The web over TLS, and the AWS API this console calls"), FALSE },
};

/**
 * rds_concept_lookup:
 *
 * Returns: (nullable): the concept called @id
 */
const RdsConcept *
rds_concept_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (concepts); i++)
    if (g_str_equal (concepts[i].id, id))
      return &concepts[i];
  return NULL;
}

const RdsConcept *
rds_concepts_get_all (guint *n_concepts)
{
  if (n_concepts != NULL)
    *n_concepts = G_N_ELEMENTS (concepts);
  return concepts;
}

const RdsWellKnownPort *
rds_well_known_ports (guint *n_ports)
{
  if (n_ports != NULL)
    *n_ports = G_N_ELEMENTS (ports);
  return ports;
}
