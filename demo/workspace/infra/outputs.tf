output "vpc_id" {
  description = "ID of the service VPC."
  value       = module.network.vpc_id
}

output "repository_url" {
  description = "Container registry for the service image."
  value       = aws_ecr_repository.shop_api.repository_url
}
