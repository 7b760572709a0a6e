terraform {
  backend "s3" {
    bucket         = "example-shop-terraform-state"
    key            = "shop-api/production/terraform.tfstate"
    region         = "eu-west-2"
    dynamodb_table = "example-shop-terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Service     = "shop-api"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

module "network" {
  source = "./modules/network"

  name               = "shop-${var.environment}"
  cidr_block         = var.vpc_cidr
  availability_zones = var.availability_zones
}

resource "aws_ecr_repository" "shop_api" {
  name                 = "shop-api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_cloudwatch_log_group" "shop_api" {
  name              = "/shop/${var.environment}/api"
  retention_in_days = 30
}
